import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { fleetApiFactory } from './api';
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
