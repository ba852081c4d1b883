import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CredentialListResponse } from '@fleet-portal/plugin-fleet-common';
import {
  answerWith,
  fakeFleetApi,
} from '../../__testUtils__/renderClusterCard';
import { renderField } from '../../__testUtils__/renderField';
import { responseError } from '../../__testUtils__/responses';
import { FleetCredentialPicker } from './FleetCredentialPicker';

const credentials: CredentialListResponse = {
  management: 'mgmt',
  namespace: 'team-risk',
  items: [
    {
      name: 'vsphere-cluster-identity-cred',
      description: 'vSphere credentials',
      ready: true,
    },
    {
      name: 'vsphere-legacy-identity-cred',
      ready: false,
      notReadyReason:
        'VSphereClusterIdentity vsphere-legacy-identity not found',
    },
  ],
};

function api(answer: CredentialListResponse | Promise<Error>) {
  return fakeFleetApi('pending', {
    listManagementClusters: async () => ({ items: [{ id: 'mgmt' }] }),
    listCredentials: answerWith(answer),
  });
}

describe('FleetCredentialPicker', () => {
  it('offers ready Credentials and shows the others disabled with why', async () => {
    const fleet = api(credentials);
    const { onChange } = await renderField(FleetCredentialPicker, {
      api: fleet,
      title: 'Credential',
      formData: { namespace: 'team-risk' },
    });
    const select = await screen.findByRole('combobox', { name: /Credential/ });
    expect(fleet.listCredentials).toHaveBeenCalledWith('mgmt', 'team-risk');
    expect(
      within(select)
        .getAllByRole('option')
        .map(o => [o.textContent, (o as HTMLOptionElement).disabled]),
    ).toEqual([
      ['Choose…', false],
      ['vsphere-cluster-identity-cred: vSphere credentials', false],
      [
        'vsphere-legacy-identity-cred: not ready: VSphereClusterIdentity vsphere-legacy-identity not found',
        true,
      ],
    ]);
    await userEvent.selectOptions(select, 'vsphere-cluster-identity-cred');
    expect(onChange).toHaveBeenLastCalledWith('vsphere-cluster-identity-cred');
  });

  it('says which management cluster it could not choose when the fleet has several', async () => {
    await renderField(FleetCredentialPicker, {
      api: fakeFleetApi('pending', {
        listManagementClusters: async () => ({
          items: [{ id: 'mgmt-eu' }, { id: 'mgmt-us' }],
        }),
      }),
      title: 'Credential',
      schema: { examples: ['vsphere-prod-credential'] },
      formData: { namespace: 'team-risk' },
    });
    const select = await screen.findByRole('combobox', { name: /Credential/ });
    expect(
      within(select).getByRole('option', { name: 'vsphere-prod-credential' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /the fleet has 2 management clusters; the form names none of them\. Offering the values written in the template instead/,
      ),
    ).toBeInTheDocument();
  });

  it('is free text saying why when the management cluster cannot be read', async () => {
    await renderField(FleetCredentialPicker, {
      api: api(responseError(503, 'management cluster mgmt could not be read')),
      title: 'Credential',
      formData: { namespace: 'team-risk' },
    });
    expect(await screen.findByTestId('fleet-field-fallback')).toHaveTextContent(
      'Could not read the fleet: management cluster mgmt could not be read. Type the value instead.',
    );
  });
});
