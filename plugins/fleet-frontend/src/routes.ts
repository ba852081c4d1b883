import { createRouteRef } from '@backstage/core-plugin-api';

/** The fleet page, in the legacy frontend system. */
export const rootRouteRef = createRouteRef({ id: 'fleet' });
