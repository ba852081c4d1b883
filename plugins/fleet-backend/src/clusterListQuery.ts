import { InputError } from '@backstage/errors';
import {
  CLUSTER_HEALTH_STATES,
  FLEET_LIST_MAX_LIMIT,
  FLEET_SORT_COLUMNS,
  SERVICES_FILTERS,
  type FleetListQuery,
} from '@fleet-portal/plugin-fleet-common';
import { z } from 'zod';
import { parseParams } from './parseParams';

const oneOf = (values: readonly string[]) =>
  `must be one of ${values.join(', ')}`;

/** `GET /clusters` query parameters: the fleet page's filters, its search, sort and page. */
const clusterListQuery = z.object({
  q: z.string().max(200, 'must be at most 200 characters').optional(),
  drift: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .transform(v => v === 'true')
    .optional(),
  health: z
    .enum(CLUSTER_HEALTH_STATES as [string, ...string[]], {
      message: oneOf(CLUSTER_HEALTH_STATES),
    })
    .optional(),
  k0s: z.string().min(1).max(100).optional(),
  image: z.string().min(1).max(200).optional(),
  services: z
    .enum(SERVICES_FILTERS, { message: oneOf(SERVICES_FILTERS) })
    .optional(),
  sort: z
    .enum(FLEET_SORT_COLUMNS, { message: oneOf(FLEET_SORT_COLUMNS) })
    .optional(),
  order: z.enum(['asc', 'desc'], { message: 'must be asc or desc' }).optional(),
  limit: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, `must be 1 to ${FLEET_LIST_MAX_LIMIT}`)
    .max(FLEET_LIST_MAX_LIMIT, `must be 1 to ${FLEET_LIST_MAX_LIMIT}`)
    .optional(),
  offset: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(1_000_000, 'must be at most 1000000')
    .optional(),
});

const KNOWN = Object.keys(clusterListQuery.shape);

/**
 * The list query, or undefined when the request has none (the whole list, as before paging);
 * an unknown, repeated or invalid parameter is a 400 naming it.
 */
export function parseClusterListQuery(
  query: Record<string, unknown>,
): FleetListQuery | undefined {
  const keys = Object.keys(query);
  if (keys.length === 0) return undefined;
  const unknown = keys.find(key => !KNOWN.includes(key));
  if (unknown !== undefined) {
    throw new InputError(
      `${unknown}: unknown query parameter; known: ${KNOWN.join(', ')}`,
    );
  }
  const repeated = keys.find(key => typeof query[key] !== 'string');
  if (repeated !== undefined) {
    throw new InputError(`${repeated}: must be given once`);
  }
  return parseParams(clusterListQuery, query) as FleetListQuery;
}

/** One cache key per distinct query: the same parameters in any order share a body. */
export function clusterListQueryKey(query: FleetListQuery): string {
  return JSON.stringify(
    Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}
