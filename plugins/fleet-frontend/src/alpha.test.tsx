import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { ExtensionDefinition } from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import fleetPlugin from './alpha';
import { FleetClusterPicker } from './scaffolder/FleetClusterPicker';
import { FleetClusterTemplatePicker } from './scaffolder/FleetClusterTemplatePicker';
import { FleetCredentialPicker } from './scaffolder/FleetCredentialPicker';
import { FleetNamespacePicker } from './scaffolder/FleetNamespacePicker';
import { FleetDnsZonePicker } from './scaffolder/FleetDnsZonePicker';
import { FleetImagePicker } from './scaffolder/FleetImagePicker';
import { FleetK0sVersionPicker } from './scaffolder/FleetK0sVersionPicker';
import {
  clusterHistoryEntityCard,
  clusterPickerFormField,
  clusterTemplatePickerFormField,
  credentialPickerFormField,
  dnsZonePickerFormField,
  namespacePickerFormField,
  imagePickerFormField,
  k0sVersionPickerFormField,
  fleetPage,
  kairosImageEntityCard,
  nodesEntityCard,
  requestsEntityCard,
} from './alpha/extensions';
import { fleetApiRef } from './api';
import { clusterListResponse } from './__fixtures__/clusterList';
import { driftedClusterDetail } from './__fixtures__/clusterDetails';
import { historyEntries } from './__fixtures__/history';
import { localRequests } from './__fixtures__/requests';
import { clusterPagesOf } from './__testUtils__/fakeClusterPages';
import { clusterEntity, fakeFleetApi } from './__testUtils__/renderClusterCard';

function fleetApiWithData() {
  const api = fakeFleetApi(driftedClusterDetail);
  api.listClusters = jest.fn(async () => clusterListResponse);
  api.listClusterPage = jest.fn(clusterPagesOf(clusterListResponse));
  return api;
}

describe('fleet plugin (new frontend system)', () => {
  it('declares the API, the page, the seven entity cards and the seven form fields', () => {
    expect(fleetPlugin.id).toBe('fleet');
    for (const id of [
      'api:fleet',
      'page:fleet',
      'entity-card:fleet/kairos-images',
      'entity-card:fleet/k0s-version',
      'entity-card:fleet/dns-sync',
      'entity-card:fleet/services',
      'entity-card:fleet/nodes',
      'entity-card:fleet/history',
      'entity-card:fleet/requests',
      'scaffolder-form-field:fleet/fleet-cluster-picker',
      'scaffolder-form-field:fleet/fleet-dns-zone-picker',
      'scaffolder-form-field:fleet/fleet-k0s-version-picker',
      'scaffolder-form-field:fleet/fleet-image-picker',
      'scaffolder-form-field:fleet/fleet-cluster-template-picker',
      'scaffolder-form-field:fleet/fleet-credential-picker',
      'scaffolder-form-field:fleet/fleet-namespace-picker',
    ]) {
      expect(fleetPlugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('renders the fleet page extension', async () => {
    const api = fleetApiWithData();
    const tester = createExtensionTester(fleetPage, {
      apis: [[fleetApiRef, api]],
    });
    renderInTestApp(tester.reactElement(), { apis: [[fleetApiRef, api]] });
    expect(await screen.findByText('Clusters (4)')).toBeInTheDocument();
    expect(screen.getAllByTestId('fleet-cluster-link')).toHaveLength(4);
  });

  it('renders an entity card extension for a cluster entity', async () => {
    const api = fleetApiWithData();
    const tester = createExtensionTester(kairosImageEntityCard, {
      apis: [[fleetApiRef, api]],
    });
    renderInTestApp(
      <EntityProvider entity={clusterEntity()}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[fleetApiRef, api]] },
    );
    expect(await screen.findByTestId('fleet-drift-badge')).toHaveTextContent(
      'Drift',
    );
  });

  it('renders the history card extension with the recorded changes', async () => {
    const api = fakeFleetApi(driftedClusterDetail, {
      getHistory: async () => ({ items: historyEntries }),
    });
    const tester = createExtensionTester(clusterHistoryEntityCard, {
      apis: [[fleetApiRef, api]],
    });
    renderInTestApp(
      <EntityProvider entity={clusterEntity()}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[fleetApiRef, api]] },
    );
    expect(await screen.findAllByTestId('history-row')).toHaveLength(
      historyEntries.length,
    );
  });

  it("renders the requests card extension with the cluster's requests", async () => {
    const api = fakeFleetApi(driftedClusterDetail, {
      listRequests: async () => localRequests,
    });
    const tester = createExtensionTester(requestsEntityCard, {
      apis: [[fleetApiRef, api]],
    });
    renderInTestApp(
      <EntityProvider entity={clusterEntity()}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[fleetApiRef, api]] },
    );
    expect(await screen.findAllByTestId('fleet-request-row')).toHaveLength(2);
    expect(api.listRequests).toHaveBeenCalledWith({
      cluster: 'edge-fra-01',
      state: 'all',
    });
  });

  it.each<[ExtensionDefinition<any>, string, unknown]>([
    [clusterPickerFormField, 'FleetClusterPicker', FleetClusterPicker],
    [dnsZonePickerFormField, 'FleetDnsZonePicker', FleetDnsZonePicker],
    [k0sVersionPickerFormField, 'FleetK0sVersionPicker', FleetK0sVersionPicker],
    [imagePickerFormField, 'FleetImagePicker', FleetImagePicker],
    [
      clusterTemplatePickerFormField,
      'FleetClusterTemplatePicker',
      FleetClusterTemplatePicker,
    ],
    [credentialPickerFormField, 'FleetCredentialPicker', FleetCredentialPicker],
    [namespacePickerFormField, 'FleetNamespacePicker', FleetNamespacePicker],
  ])(
    'loads the scaffolder form field %# as ui:field %s',
    async (extension, name, component) => {
      const loader = createExtensionTester(extension).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      ) as () => Promise<unknown>;
      const field = (await loader()) as unknown as {
        name: string;
        component: unknown;
      };
      expect(field.name).toBe(name);
      expect(field.component).toBe(component);
    },
  );

  it('shows cards only on kubernetes-cluster resources', () => {
    const tester = createExtensionTester(nodesEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter).toBeDefined();
    expect(filter!(clusterEntity())).toBe(true);
    expect(filter!({ ...clusterEntity(), spec: { type: 'database' } })).toBe(
      false,
    );
    expect(filter!({ ...clusterEntity(), kind: 'Component' })).toBe(false);
  });
});
