import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ClusterTemplateListResponse } from '@fleet-portal/plugin-fleet-common';
import {
  answerWith,
  fakeFleetApi,
} from '../../__testUtils__/renderClusterCard';
import { renderField } from '../../__testUtils__/renderField';
import { responseError } from '../../__testUtils__/responses';
import { FleetClusterTemplatePicker } from './FleetClusterTemplatePicker';

const templates: ClusterTemplateListResponse = {
  management: 'mgmt',
  namespace: 'team-risk',
  items: [
    {
      name: 'vsphere-standalone-cp-1-0-42',
      description: 'A KCM cluster vsphere-standalone-cp template',
      chartVersion: '1.0.42',
      valid: true,
      availableUpgrades: ['vsphere-standalone-cp-1-0-43'],
      hasSchema: true,
    },
    {
      name: 'vsphere-standalone-cp-1-0-99',
      chartVersion: '1.0.99',
      valid: false,
      validationError: 'chart version 1.0.99 not found',
      availableUpgrades: [],
      hasSchema: false,
    },
    {
      name: 'vsphere-hosted-cp-1-0-20',
      chartVersion: '1.0.20',
      valid: true,
      availableUpgrades: [],
      hasSchema: true,
    },
  ],
};

function api(answer: ClusterTemplateListResponse | Promise<Error>) {
  return fakeFleetApi('pending', {
    listManagementClusters: async () => ({ items: [{ id: 'mgmt' }] }),
    listClusterTemplates: answerWith(answer),
  });
}

const optionTexts = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map(o => [o.textContent, (o as HTMLOptionElement).disabled]);

describe('FleetClusterTemplatePicker', () => {
  it("offers the namespace's valid templates with description and chart version, refused ones disabled with k0rdent's reason", async () => {
    const fleet = api(templates);
    const { onChange } = await renderField(FleetClusterTemplatePicker, {
      api: fleet,
      title: 'ClusterTemplate',
      formData: { namespace: 'team-risk' },
    });
    const select = await screen.findByRole('combobox', {
      name: /ClusterTemplate/,
    });
    expect(fleet.listClusterTemplates).toHaveBeenCalledWith(
      'mgmt',
      'team-risk',
    );
    expect(optionTexts(select)).toEqual([
      ['Choose…', false],
      [
        'vsphere-standalone-cp-1-0-42: A KCM cluster vsphere-standalone-cp template (chart 1.0.42)',
        false,
      ],
      ['vsphere-hosted-cp-1-0-20 (chart 1.0.20)', false],
      [
        'vsphere-standalone-cp-1-0-99: refused by k0rdent: chart version 1.0.99 not found',
        true,
      ],
    ]);
    expect(
      screen.getByText('ClusterTemplates of team-risk on mgmt.'),
    ).toBeInTheDocument();
    await userEvent.selectOptions(select, 'vsphere-hosted-cp-1-0-20');
    expect(onChange).toHaveBeenLastCalledWith('vsphere-hosted-cp-1-0-20');
  });

  it('asks the management cluster the form names, without listing them', async () => {
    const fleet = api(templates);
    await renderField(FleetClusterTemplatePicker, {
      api: fleet,
      title: 'ClusterTemplate',
      uiOptions: { managementField: 'mgmtCluster', namespaceField: 'ns' },
      formData: { mgmtCluster: 'mgmt-eu', ns: 'team-risk' },
    });
    await screen.findByRole('combobox', { name: /ClusterTemplate/ });
    expect(fleet.listClusterTemplates).toHaveBeenCalledWith(
      'mgmt-eu',
      'team-risk',
    );
    expect(fleet.listManagementClusters).not.toHaveBeenCalled();
  });

  it('falls back to the templates the form writes when the management cluster cannot be read, saying why', async () => {
    await renderField(FleetClusterTemplatePicker, {
      api: api(responseError(503, 'management cluster mgmt could not be read')),
      title: 'ClusterTemplate',
      schema: {
        examples: ['vsphere-standalone-cp-1-0-42', 'remote-cluster-1-0-38'],
      },
      formData: { namespace: 'team-risk' },
    });
    const select = await screen.findByRole('combobox', {
      name: /ClusterTemplate/,
    });
    expect(optionTexts(select)).toEqual([
      ['Choose…', false],
      ['vsphere-standalone-cp-1-0-42', false],
      ['remote-cluster-1-0-38', false],
    ]);
    expect(
      screen.getByText(
        /Could not read the fleet: management cluster mgmt could not be read\. Offering the values written in the template instead/,
      ),
    ).toBeInTheDocument();
  });

  it('is free text saying why when the fleet cannot be read and the form writes no values', async () => {
    const { onChange } = await renderField(FleetClusterTemplatePicker, {
      api: api(responseError(503, 'management cluster mgmt could not be read')),
      title: 'ClusterTemplate',
      formData: { namespace: 'team-risk' },
    });
    expect(await screen.findByTestId('fleet-field-fallback')).toHaveTextContent(
      'management cluster mgmt could not be read',
    );
    await userEvent.type(
      screen.getByLabelText(/ClusterTemplate/, { selector: 'input' }),
      'my-template-1-0-0',
    );
    expect(onChange).toHaveBeenLastCalledWith('my-template-1-0-0');
  });

  it('waits for a namespace before asking the fleet', async () => {
    const fleet = api(templates);
    await renderField(FleetClusterTemplatePicker, {
      api: fleet,
      title: 'ClusterTemplate',
    });
    expect(await screen.findByTestId('fleet-field-fallback')).toHaveTextContent(
      'No namespace is chosen yet.',
    );
    expect(fleet.listClusterTemplates).not.toHaveBeenCalled();
  });
});
