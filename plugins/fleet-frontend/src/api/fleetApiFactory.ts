import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { fleetApiRef } from './FleetApi';
import { FleetClient } from './FleetClient';

/** The one factory both the legacy plugin and the `ApiBlueprint` extension register. */
export const fleetApiFactory = createApiFactory({
  api: fleetApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new FleetClient({ discoveryApi, fetchApi }),
});
