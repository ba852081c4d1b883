import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  clusterHistoryEntityCard,
  clusterPickerFormField,
  clusterTemplatePickerFormField,
  credentialPickerFormField,
  dnsZonePickerFormField,
  imagePickerFormField,
  k0sVersionPickerFormField,
  dnsSyncEntityCard,
  fleetApi,
  fleetPage,
  fleetRootRouteRef,
  k0sVersionEntityCard,
  kairosImageEntityCard,
  nodesEntityCard,
  requestsEntityCard,
  servicesEntityCard,
} from './extensions';

/** Fleet Portal in the new frontend system. */
export const fleetPlugin = createFrontendPlugin({
  pluginId: 'fleet',
  info: { packageJson: () => import('../../package.json') },
  routes: { root: fleetRootRouteRef },
  extensions: [
    fleetApi,
    fleetPage,
    kairosImageEntityCard,
    k0sVersionEntityCard,
    dnsSyncEntityCard,
    servicesEntityCard,
    nodesEntityCard,
    clusterHistoryEntityCard,
    requestsEntityCard,
    clusterPickerFormField,
    dnsZonePickerFormField,
    k0sVersionPickerFormField,
    imagePickerFormField,
    clusterTemplatePickerFormField,
    credentialPickerFormField,
  ],
});
