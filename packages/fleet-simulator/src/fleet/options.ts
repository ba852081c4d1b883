import type { FleetGeneratorOptions } from '../types';
import { DEFAULT_BASE_TIME } from './constants';

export function normalise(options: FleetGeneratorOptions) {
  const int = (value: number | undefined, fallback: number, min: number) => {
    const n = value === undefined ? fallback : Math.floor(value);
    if (!Number.isFinite(n) || n < min)
      throw new Error(`invalid fleet option value ${value}`);
    return n;
  };
  const baseTime = options.baseTime ?? DEFAULT_BASE_TIME;
  const baseMs = Date.parse(baseTime);
  if (Number.isNaN(baseMs))
    throw new Error(`baseTime "${baseTime}" is not an ISO time`);
  return {
    clusters: int(options.clusters, 12, 0),
    nodesPerCluster: int(options.nodesPerCluster, 3, 1),
    recordsPerCluster: int(options.recordsPerCluster, 4, 0),
    seed: options.seed ?? 1,
    baseTime,
    baseMs,
    faults: options.faults ?? {},
    digestInRegistryImage: options.digestInRegistryImage ?? false,
    brownfieldClusters: int(options.brownfieldClusters, 0, 0),
    regionalClusters: int(options.regionalClusters, 0, 0),
  };
}
