import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  ClusterListResponse,
  ClusterTemplateListResponse,
} from '@fleet-portal/plugin-fleet-common';
import { clusterListResponse } from '../../__fixtures__/clusterList';
import {
  answerWith,
  fakeFleetApi,
} from '../../__testUtils__/renderClusterCard';
import { renderField } from '../../__testUtils__/renderField';
import { responseError } from '../../__testUtils__/responses';
import { FleetTemplateUpgradePicker } from './FleetTemplateUpgradePicker';

const [first, second] = clusterListResponse.items;
const clusters: ClusterListResponse = {
  ...clusterListResponse,
  items: [
    {
      ...first,
      template: 'vsphere-standalone-cp-1-0-42',
      k0s: {
        ...first.k0s,
        availableUpgrades: [
          'vsphere-standalone-cp-1-0-44',
          'vsphere-standalone-cp-1-0-43',
        ],
      },
    },
    { ...second, k0s: { ...second.k0s, availableUpgrades: [] } },
  ],
};

const templates: ClusterTemplateListResponse = {
  management: first.ref.management,
  namespace: first.ref.namespace,
  items: [
    {
      name: 'vsphere-standalone-cp-1-0-43',
      valid: true,
      description: 'vSphere, k0s 1.32',
      chartVersion: '1.0.43',
    },
    {
      name: 'vsphere-standalone-cp-1-0-44',
      valid: false,
      validationError: 'chart vsphere-standalone-cp 1.0.44 not found',
    },
    { name: 'aws-standalone-cp-1-0-43', valid: true },
  ],
} as ClusterTemplateListResponse;

function api(list: ClusterListResponse | Promise<Error>) {
  return fakeFleetApi('pending', {
    listClusters: answerWith(list),
    listClusterTemplates: async () => templates,
  });
}

describe('FleetTemplateUpgradePicker', () => {
  it("offers exactly the cluster's available upgrades, described as their ClusterTemplates are", async () => {
    const fleet = api(clusters);
    const { onChange } = await renderField(FleetTemplateUpgradePicker, {
      api: fleet,
      title: 'ClusterTemplate',
      formData: { cluster: first.ref.name, namespace: first.ref.namespace },
    });
    const select = await screen.findByRole('combobox', {
      name: /ClusterTemplate/,
    });
    expect(fleet.listClusterTemplates).toHaveBeenCalledWith(
      first.ref.management,
      first.ref.namespace,
    );
    expect(
      within(select)
        .getAllByRole('option')
        .map(o => [o.textContent, (o as HTMLOptionElement).disabled]),
    ).toEqual([
      ['Choose…', false],
      ['vsphere-standalone-cp-1-0-43: vSphere, k0s 1.32 (chart 1.0.43)', false],
      [
        'vsphere-standalone-cp-1-0-44: refused by k0rdent: chart vsphere-standalone-cp 1.0.44 not found',
        true,
      ],
    ]);
    expect(
      screen.getByText(
        `${first.ref.name} uses vsphere-standalone-cp-1-0-42 now; k0rdent offers these upgrades (its ClusterDeployment's status.availableUpgrades).`,
      ),
    ).toBeInTheDocument();
    await userEvent.selectOptions(select, 'vsphere-standalone-cp-1-0-43');
    expect(onChange).toHaveBeenLastCalledWith('vsphere-standalone-cp-1-0-43');
  });

  it('says so when k0rdent offers the cluster no upgrade', async () => {
    await renderField(FleetTemplateUpgradePicker, {
      api: api(clusters),
      title: 'ClusterTemplate',
      formData: { cluster: second.ref.name },
    });
    expect(
      await screen.findByText(
        new RegExp(
          `k0rdent offers ${second.ref.name} no ClusterTemplate upgrade \\(its status.availableUpgrades is empty\\)`,
        ),
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('asks for the cluster first', async () => {
    await renderField(FleetTemplateUpgradePicker, {
      api: api(clusters),
      title: 'ClusterTemplate',
    });
    expect(
      await screen.findByText(/Choose the cluster first\./),
    ).toBeInTheDocument();
  });

  it('says why when the fleet cannot be read', async () => {
    await renderField(FleetTemplateUpgradePicker, {
      api: api(responseError(503, 'no management cluster answered')),
      title: 'ClusterTemplate',
      formData: { cluster: first.ref.name },
    });
    expect(await screen.findByTestId('fleet-field-fallback')).toHaveTextContent(
      /Could not read the fleet: .*Type the value instead/,
    );
  });
});
