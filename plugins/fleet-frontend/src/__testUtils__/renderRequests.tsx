import { ReactElement } from 'react';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { FleetApi, fleetApiRef } from '../api';
import { clusterEntity } from './renderClusterCard';

/** Denies everything; `DENY` is AuthorizeResult.DENY's value (that package is not a dependency). */
const denyingPermissionApi = {
  authorize: async () => ({ result: 'DENY' }),
} as unknown as PermissionApi;

/** Renders requests UI with the fleet API and a permission API that allows (or denies) merging. */
export async function renderRequests(
  element: ReactElement,
  options: {
    api: FleetApi;
    mergeAllowed?: boolean;
    /** Wrap in the cluster entity (for the entity card). */
    entity?: boolean;
    route?: string;
  },
) {
  const permissionApi =
    options.mergeAllowed === false
      ? denyingPermissionApi
      : mockApis.permission();
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [fleetApiRef, options.api],
        [permissionApiRef, permissionApi],
      ]}
    >
      {options.entity ? (
        <EntityProvider entity={clusterEntity()}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    options.route ? { routeEntries: [options.route] } : undefined,
  );
}
