import { createElement } from 'react';
import { screen } from '@testing-library/react';
import { getComponentData } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { driftedClusterDetail } from './__fixtures__/clusterDetails';
import { clusterEntity, fakeFleetApi } from './__testUtils__/renderClusterCard';
import { FleetClient, fleetApiRef } from './api';
import {
  EntityClusterHistoryCard,
  FleetClusterPickerFieldExtension,
  FleetDnsZonePickerFieldExtension,
  FleetImagePickerFieldExtension,
  FleetK0sVersionPickerFieldExtension,
  EntityDnsSyncCard,
  EntityK0sVersionCard,
  EntityKairosImageCard,
  EntityNodesCard,
  EntityServicesCard,
  EntityFleetRequestsCard,
  fleetPlugin,
} from './plugin';

describe('fleet plugin (legacy frontend system)', () => {
  it('registers the FleetClient factory', () => {
    const factory = [...fleetPlugin.getApis()].find(
      api => api.api.id === fleetApiRef.id,
    );
    expect(factory).toBeDefined();
    const client = factory!.factory({
      discoveryApi: { getBaseUrl: async () => 'http://x/api/fleet' },
      fetchApi: { fetch: jest.fn() },
    });
    expect(client).toBeInstanceOf(FleetClient);
  });

  it('renders the seven entity cards from the same components', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [fleetApiRef, fakeFleetApi(driftedClusterDetail)],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <EntityProvider entity={clusterEntity()}>
          <EntityKairosImageCard />
          <EntityK0sVersionCard />
          <EntityDnsSyncCard />
          <EntityServicesCard />
          <EntityNodesCard />
          <EntityClusterHistoryCard />
          <EntityFleetRequestsCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    for (const title of [
      'Kairos images',
      'k0s version',
      'DNS records',
      'Services',
      'Nodes',
      'Cluster history',
      'Requests',
    ]) {
      expect(
        await screen.findByText(title, { selector: '.MuiCardHeader-title' }),
      ).toBeInTheDocument();
    }
    expect((await screen.findAllByTestId('node-row')).length).toBe(4);
  });

  it.each([
    [FleetClusterPickerFieldExtension, 'FleetClusterPicker', false],
    [FleetDnsZonePickerFieldExtension, 'FleetDnsZonePicker', false],
    [FleetK0sVersionPickerFieldExtension, 'FleetK0sVersionPicker', true],
    [FleetImagePickerFieldExtension, 'FleetImagePicker', false],
  ])(
    'provides the scaffolder field extension %# named %s',
    (extension, name, validates) => {
      const options = getComponentData<{
        name: string;
        component: unknown;
        validation?: unknown;
        schema?: { returnValue: { type?: string } };
      }>(createElement(extension), 'scaffolder.extensions.field.v1');
      expect(options?.name).toBe(name);
      expect(typeof options?.component).toBe('function');
      expect(!!options?.validation).toBe(validates);
      expect(options?.schema?.returnValue.type).toBe('string');
    },
  );
});
