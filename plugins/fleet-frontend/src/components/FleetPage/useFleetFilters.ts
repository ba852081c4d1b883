import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ClusterHealthState } from '@fleet-portal/plugin-fleet-common';
import { FleetFilters, NO_FLEET_FILTERS } from '../../lib/fleet';
import { SERVICES_FILTER_LABELS, ServicesFilter } from '../../lib/services';

const HEALTH_STATES: ClusterHealthState[] = [
  'ready',
  'not-ready',
  'progressing',
  'unknown',
];

const PARAMS = {
  driftOnly: 'drift',
  health: 'health',
  k0sVersion: 'k0s',
  imageDigest: 'image',
  services: 'services',
} as const;

/** Fleet filters kept in the URL, so a filtered view can be linked to. */
export function useFleetFilters(): [
  FleetFilters,
  (change: Partial<FleetFilters>) => void,
] {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<FleetFilters>(() => {
    const health = params.get(PARAMS.health) as ClusterHealthState | null;
    const services = params.get(PARAMS.services) as ServicesFilter | null;
    return {
      driftOnly: params.get(PARAMS.driftOnly) === 'true',
      health: health && HEALTH_STATES.includes(health) ? health : 'all',
      k0sVersion: params.get(PARAMS.k0sVersion) ?? NO_FLEET_FILTERS.k0sVersion,
      imageDigest:
        params.get(PARAMS.imageDigest) ?? NO_FLEET_FILTERS.imageDigest,
      services:
        services && services in SERVICES_FILTER_LABELS ? services : 'all',
    };
  }, [params]);

  const update = useCallback(
    (change: Partial<FleetFilters>) => {
      const next = { ...filters, ...change };
      const search = new URLSearchParams(params);
      const set = (key: string, value: string, unset: string) =>
        value === unset ? search.delete(key) : search.set(key, value);
      set(PARAMS.driftOnly, String(next.driftOnly), 'false');
      set(PARAMS.health, next.health, 'all');
      set(PARAMS.k0sVersion, next.k0sVersion, 'all');
      set(PARAMS.imageDigest, next.imageDigest, 'all');
      set(PARAMS.services, next.services, 'all');
      setParams(search, { replace: true });
    },
    [filters, params, setParams],
  );

  return [filters, update];
}
