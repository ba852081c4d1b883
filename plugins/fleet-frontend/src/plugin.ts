import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { fleetApiFactory } from './api';
import {
  fleetClusterPickerField,
  fleetClusterTemplatePickerField,
  fleetCredentialPickerField,
  fleetTemplateUpgradePickerField,
  fleetNamespacePickerField,
  fleetDnsZonePickerField,
  fleetImagePickerField,
  fleetK0sVersionPickerField,
} from './scaffolder/fieldExtensions';
import { rootRouteRef } from './routes';

/** Fleet Portal in the legacy frontend system. */
export const fleetPlugin = createPlugin({
  id: 'fleet',
  apis: [fleetApiFactory],
  routes: { root: rootRouteRef },
});

export const FleetPage = fleetPlugin.provide(
  createRoutableExtension({
    name: 'FleetPage',
    component: () => import('./components/FleetPage').then(m => m.FleetPage),
    mountPoint: rootRouteRef,
  }),
);

export const EntityKairosImageCard = fleetPlugin.provide(
  createComponentExtension({
    name: 'EntityKairosImageCard',
    component: {
      lazy: () =>
        import('./components/KairosImageCard').then(m => m.KairosImageCard),
    },
  }),
);

export const EntityK0sVersionCard = fleetPlugin.provide(
  createComponentExtension({
    name: 'EntityK0sVersionCard',
    component: {
      lazy: () =>
        import('./components/K0sVersionCard').then(m => m.K0sVersionCard),
    },
  }),
);

export const EntityDnsSyncCard = fleetPlugin.provide(
  createComponentExtension({
    name: 'EntityDnsSyncCard',
    component: {
      lazy: () => import('./components/DnsSyncCard').then(m => m.DnsSyncCard),
    },
  }),
);

export const EntityServicesCard = fleetPlugin.provide(
  createComponentExtension({
    name: 'EntityServicesCard',
    component: {
      lazy: () => import('./components/ServicesCard').then(m => m.ServicesCard),
    },
  }),
);

export const EntityNodesCard = fleetPlugin.provide(
  createComponentExtension({
    name: 'EntityNodesCard',
    component: {
      lazy: () => import('./components/NodesCard').then(m => m.NodesCard),
    },
  }),
);

export const EntityClusterHistoryCard = fleetPlugin.provide(
  createComponentExtension({
    name: 'EntityClusterHistoryCard',
    component: {
      lazy: () =>
        import('./components/ClusterHistoryCard').then(
          m => m.ClusterHistoryCard,
        ),
    },
  }),
);

export const EntityFleetRequestsCard = fleetPlugin.provide(
  createComponentExtension({
    name: 'EntityFleetRequestsCard',
    component: {
      lazy: () => import('./components/RequestsCard').then(m => m.RequestsCard),
    },
  }),
);

export const FleetClusterPickerFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension({
    ...fleetClusterPickerField,
    schema: fleetClusterPickerField.schema.schema,
  }),
);

export const FleetDnsZonePickerFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension({
    ...fleetDnsZonePickerField,
    schema: fleetDnsZonePickerField.schema.schema,
  }),
);

export const FleetK0sVersionPickerFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension({
    ...fleetK0sVersionPickerField,
    schema: fleetK0sVersionPickerField.schema.schema,
  }),
);

export const FleetImagePickerFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension({
    ...fleetImagePickerField,
    schema: fleetImagePickerField.schema.schema,
  }),
);

export const FleetClusterTemplatePickerFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension({
    ...fleetClusterTemplatePickerField,
    schema: fleetClusterTemplatePickerField.schema.schema,
  }),
);

export const FleetCredentialPickerFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension({
    ...fleetCredentialPickerField,
    schema: fleetCredentialPickerField.schema.schema,
  }),
);

export const FleetNamespacePickerFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension({
    ...fleetNamespacePickerField,
    schema: fleetNamespacePickerField.schema.schema,
  }),
);

export const FleetTemplateUpgradePickerFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension({
    ...fleetTemplateUpgradePickerField,
    schema: fleetTemplateUpgradePickerField.schema.schema,
  }),
);
