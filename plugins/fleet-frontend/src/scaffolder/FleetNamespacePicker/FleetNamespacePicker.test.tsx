import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { NamespaceListResponse } from '@fleet-portal/plugin-fleet-common';
import {
  answerWith,
  fakeFleetApi,
} from '../../__testUtils__/renderClusterCard';
import { renderField } from '../../__testUtils__/renderField';
import { responseError } from '../../__testUtils__/responses';
import { FleetNamespacePicker } from './FleetNamespacePicker';

const namespaces: NamespaceListResponse = {
  management: 'mgmt',
  items: [
    { name: 'team-legacy', clusterTemplates: 2, validClusterTemplates: 0 },
    { name: 'team-risk', clusterTemplates: 4, validClusterTemplates: 3 },
    { name: 'team-solo', clusterTemplates: 1, validClusterTemplates: 1 },
  ],
};

function api(answer: NamespaceListResponse | Promise<Error>) {
  return fakeFleetApi('pending', {
    listManagementClusters: async () => ({ items: [{ id: 'mgmt' }] }),
    listNamespaces: answerWith(answer),
  });
}

describe('FleetNamespacePicker', () => {
  it('offers the namespaces holding accepted ClusterTemplates, the others disabled with why', async () => {
    const fleet = api(namespaces);
    const { onChange } = await renderField(FleetNamespacePicker, {
      api: fleet,
      title: 'Namespace',
    });
    const select = await screen.findByRole('combobox', { name: /Namespace/ });
    expect(fleet.listNamespaces).toHaveBeenCalledWith('mgmt');
    expect(
      within(select)
        .getAllByRole('option')
        .map(o => [o.textContent, (o as HTMLOptionElement).disabled]),
    ).toEqual([
      ['Choose…', false],
      ['team-risk (3 ClusterTemplates)', false],
      ['team-solo (1 ClusterTemplate)', false],
      ['team-legacy: k0rdent accepted none of its 2 ClusterTemplates', true],
    ]);
    await userEvent.selectOptions(select, 'team-risk');
    expect(onChange).toHaveBeenLastCalledWith('team-risk');
  });

  it('falls back to the namespaces the template writes when the fleet cannot be read', async () => {
    await renderField(FleetNamespacePicker, {
      api: api(responseError(503, 'management cluster mgmt could not be read')),
      title: 'Namespace',
      schema: { examples: ['kcm-system', 'tenant-edge'] },
    });
    const select = await screen.findByRole('combobox', { name: /Namespace/ });
    expect(
      within(select)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['Choose…', 'kcm-system', 'tenant-edge']);
    expect(
      screen.getByText(/management cluster mgmt could not be read\. Offering/),
    ).toBeInTheDocument();
  });
});
