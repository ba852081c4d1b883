import FleetIcon from '@material-ui/icons/Storage';
import {
  ApiBlueprint,
  PageBlueprint,
  createRouteRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentLayoutBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { fleetApiFactory } from '../api';
import { KUBERNETES_CLUSTER_RESOURCE_TYPE } from '../constants';

export const fleetRootRouteRef = createRouteRef();

/** Cards show on `Resource` entities of type `kubernetes-cluster`. */
const clusterEntityFilter = {
  kind: 'resource',
  'spec.type': KUBERNETES_CLUSTER_RESOURCE_TYPE,
};

export const fleetApi = ApiBlueprint.make({
  params: defineParams => defineParams(fleetApiFactory),
});

/** The fleet page; its title and icon also make the "Fleet" sidebar item. */
export const fleetPage = PageBlueprint.make({
  params: {
    path: '/fleet',
    title: 'Fleet',
    icon: <FleetIcon fontSize="inherit" />,
    routeRef: fleetRootRouteRef,
    // FleetPage brings its own Header, shared with the legacy system.
    noHeader: true,
    loader: () => import('../components/FleetPage').then(m => <m.FleetPage />),
  },
});

/** A cluster's overview lays its cards out in a grid on wide screens. */
export const clusterOverviewLayout = EntityContentLayoutBlueprint.make({
  name: 'cluster-overview',
  params: {
    filter: clusterEntityFilter,
    loader: () =>
      import('../components/ClusterOverviewLayout').then(
        m => m.ClusterOverviewLayout,
      ),
  },
});

export const kairosImageEntityCard = EntityCardBlueprint.make({
  name: 'kairos-images',
  params: {
    filter: clusterEntityFilter,
    loader: () =>
      import('../components/KairosImageCard').then(m => <m.KairosImageCard />),
  },
});

export const k0sVersionEntityCard = EntityCardBlueprint.make({
  name: 'k0s-version',
  params: {
    filter: clusterEntityFilter,
    loader: () =>
      import('../components/K0sVersionCard').then(m => <m.K0sVersionCard />),
  },
});

export const dnsSyncEntityCard = EntityCardBlueprint.make({
  name: 'dns-sync',
  params: {
    type: 'content',
    filter: clusterEntityFilter,
    loader: () =>
      import('../components/DnsSyncCard').then(m => <m.DnsSyncCard />),
  },
});

export const servicesEntityCard = EntityCardBlueprint.make({
  name: 'services',
  params: {
    type: 'content',
    filter: clusterEntityFilter,
    loader: () =>
      import('../components/ServicesCard').then(m => <m.ServicesCard />),
  },
});

export const nodesEntityCard = EntityCardBlueprint.make({
  name: 'nodes',
  params: {
    type: 'content',
    filter: clusterEntityFilter,
    loader: () => import('../components/NodesCard').then(m => <m.NodesCard />),
  },
});

export const clusterHistoryEntityCard = EntityCardBlueprint.make({
  name: 'history',
  params: {
    type: 'content',
    filter: clusterEntityFilter,
    loader: () =>
      import('../components/ClusterHistoryCard').then(m => (
        <m.ClusterHistoryCard />
      )),
  },
});

export const requestsEntityCard = EntityCardBlueprint.make({
  name: 'requests',
  params: {
    type: 'content',
    filter: clusterEntityFilter,
    loader: () =>
      import('../components/RequestsCard').then(m => <m.RequestsCard />),
  },
});

export const clusterPickerFormField = FormFieldBlueprint.make({
  name: 'fleet-cluster-picker',
  params: {
    field: () =>
      import('../scaffolder/formFields').then(
        m => m.fleetClusterPickerFormField,
      ),
  },
});

export const dnsZonePickerFormField = FormFieldBlueprint.make({
  name: 'fleet-dns-zone-picker',
  params: {
    field: () =>
      import('../scaffolder/formFields').then(
        m => m.fleetDnsZonePickerFormField,
      ),
  },
});

export const k0sVersionPickerFormField = FormFieldBlueprint.make({
  name: 'fleet-k0s-version-picker',
  params: {
    field: () =>
      import('../scaffolder/formFields').then(
        m => m.fleetK0sVersionPickerFormField,
      ),
  },
});

export const imagePickerFormField = FormFieldBlueprint.make({
  name: 'fleet-image-picker',
  params: {
    field: () =>
      import('../scaffolder/formFields').then(m => m.fleetImagePickerFormField),
  },
});

export const clusterTemplatePickerFormField = FormFieldBlueprint.make({
  name: 'fleet-cluster-template-picker',
  params: {
    field: () =>
      import('../scaffolder/formFields').then(
        m => m.fleetClusterTemplatePickerFormField,
      ),
  },
});

export const credentialPickerFormField = FormFieldBlueprint.make({
  name: 'fleet-credential-picker',
  params: {
    field: () =>
      import('../scaffolder/formFields').then(
        m => m.fleetCredentialPickerFormField,
      ),
  },
});

export const namespacePickerFormField = FormFieldBlueprint.make({
  name: 'fleet-namespace-picker',
  params: {
    field: () =>
      import('../scaffolder/formFields').then(
        m => m.fleetNamespacePickerFormField,
      ),
  },
});

export const templateUpgradePickerFormField = FormFieldBlueprint.make({
  name: 'fleet-template-upgrade-picker',
  params: {
    field: () =>
      import('../scaffolder/formFields').then(
        m => m.fleetTemplateUpgradePickerFormField,
      ),
  },
});
