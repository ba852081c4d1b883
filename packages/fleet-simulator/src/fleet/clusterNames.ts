import { hashHex } from '../random';
import type { FleetAccess } from '../types';
import { REGION_BY_SECRET, TEAMS, type Team } from './constants';

/** Placeholder endpoints and tokens for a model generated without a running server. */
export function placeholderAccess(
  seed: number,
  clusterNames: string[],
): FleetAccess {
  return {
    baseUrl: 'https://fleet-simulator.invalid',
    closedBaseUrl: 'https://fleet-simulator.invalid:1',
    tokens: Object.fromEntries(
      [...clusterNames, REGION_BY_SECRET].map(n => [
        n,
        hashHex('token', seed, n).slice(0, 40),
      ]),
    ),
  };
}

/** Cluster names in generation order: teams round-robin, each team's bases in turn. */
export function fleetClusterNames(
  count: number,
): Array<{ name: string; team: Team }> {
  const out: Array<{ name: string; team: Team }> = [];
  const perBase = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const team = TEAMS[i % TEAMS.length];
    const round = Math.floor(i / TEAMS.length);
    const base = team.bases[round % team.bases.length];
    const n = (perBase.get(base) ?? 0) + 1;
    perBase.set(base, n);
    out.push({ name: `${base}-${n}`, team });
  }
  return out;
}
