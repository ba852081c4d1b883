import type { createRng } from '../random';
import type { ClusterScenario } from '../types';
import { DNS_SCENARIOS, PRIMARY_SCENARIOS } from './constants';

/**
 * Which cluster shows what: primary scenarios go to distinct clusters, overlays anywhere, and
 * brownfield and regional clusters are taken from the clusters that show no primary scenario, so
 * adding them changes nothing else the seed chose.
 */
export function assignScenarios(args: {
  clusters: number;
  recordsPerCluster: number;
  brownfieldClusters: number;
  regionalClusters: number;
  rng: ReturnType<typeof createRng>;
}): ClusterScenario[][] {
  const { clusters, rng } = args;
  const indices = () => Array.from({ length: clusters }, (_, i) => i);
  const scenarios: ClusterScenario[][] = indices().map(() => []);
  const order = rng.shuffle(indices());
  PRIMARY_SCENARIOS.forEach((s, i) => {
    if (i < order.length) scenarios[order[i]].push(s);
  });
  const healthy = order.slice(PRIMARY_SCENARIOS.length);
  const upgraded = Math.ceil(clusters / 6);
  healthy
    .slice(0, upgraded)
    .forEach(i => scenarios[i].push('completed-upgrade'));
  const overlay = (name: ClusterScenario, share: number) =>
    rng
      .shuffle(indices())
      .slice(0, Math.ceil(clusters * share))
      .forEach(i => scenarios[i].push(name));
  overlay('dash-spelling', 0.25);
  overlay('available-upgrades', 0.25);
  if (args.recordsPerCluster > 0 && clusters > 0) {
    const dnsOrder = rng.shuffle(indices());
    DNS_SCENARIOS.forEach((s, i) =>
      scenarios[dnsOrder[i % dnsOrder.length]].push(s),
    );
  }
  scenarios.forEach(list => {
    if (!list.some(s => PRIMARY_SCENARIOS.includes(s))) list.unshift('healthy');
  });
  // Among the clusters that show no primary scenario: regional clusters and the cluster
  // onboarded as a region first, brownfield ones last.
  const candidates = healthy;
  const regional = args.regionalClusters > 0 ? args.regionalClusters + 1 : 0;
  if (regional + args.brownfieldClusters > candidates.length)
    throw new Error(
      `${args.brownfieldClusters} brownfield and ${args.regionalClusters} regional clusters (plus the one onboarded as a region) are more than the ${candidates.length} healthy clusters of a ${clusters}-cluster fleet`,
    );
  if (regional > 0) {
    scenarios[candidates[0]].push('region-host');
    candidates.slice(1, regional).forEach(i => scenarios[i].push('regional'));
  }
  candidates
    .slice(candidates.length - args.brownfieldClusters)
    .forEach(i => scenarios[i].push('brownfield'));
  return scenarios;
}
