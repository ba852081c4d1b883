import type {
  MetricsService,
  MetricsServiceObservableCallback,
} from '@backstage/backend-plugin-api/alpha';
import type { ClusterSummary } from '@fleet-portal/plugin-fleet-common';
import type { FleetStore } from '../service/FleetStore';
import {
  clustersByReadState,
  failingClustersByReason,
  watchedResourcesByPhase,
  type Series,
} from './fleetStateSeries';
import { vanishedAsZero } from './vanishedAsZero';

type Count = (clusters: ClusterSummary[]) => Series[];

const GAUGES: Array<{
  name: string;
  description: string;
  unit: string;
  count: Count;
}> = [
  {
    name: 'fleet.clusters',
    description:
      'Clusters of the fleet by management cluster and read state (current, partial, stale), as stored',
    unit: '{cluster}',
    count: clustersByReadState,
  },
  {
    name: 'fleet.clusters.failing',
    description:
      'Clusters whose last read failed, by management cluster and failure reason, as stored',
    unit: '{cluster}',
    count: failingClustersByReason,
  },
  {
    name: 'fleet.watch.resources',
    description:
      "Resources of the clusters' watches by kind, phase (watching, listing, polling, failed) and reason (fleet.refresh.mode: watch)",
    unit: '{resource}',
    count: watchedResourcesByPhase,
  },
];

/**
 * Reports the fleet's read state as gauges, counted on each collection from the clusters the
 * store holds (the same the API serves), once per store version. The store is shared by every
 * replica, so each reports the whole fleet: aggregate them with max, not sum. Returns the
 * function that stops reporting.
 */
export function observeFleetState(
  metrics: MetricsService,
  store: FleetStore,
): () => void {
  let counted: { version: number; series: Promise<Series[][]> } | undefined;
  const countAll = async (): Promise<Series[][]> => {
    const version = await store.version();
    if (counted?.version !== version) {
      const series = store
        .listClusters()
        .then(clusters => GAUGES.map(g => g.count(clusters)));
      counted = { version, series };
      series.catch(() => {
        counted = undefined;
      });
    }
    return counted.series;
  };

  const removers = GAUGES.map((gauge, index) => {
    const instrument = metrics.createObservableGauge(gauge.name, {
      description: gauge.description,
      unit: gauge.unit,
    });
    const withZeros = vanishedAsZero();
    const callback: MetricsServiceObservableCallback = async result => {
      for (const s of withZeros((await countAll())[index]))
        result.observe(s.value, s.attributes);
    };
    instrument.addCallback(callback);
    return () => instrument.removeCallback(callback);
  });
  return () => removers.forEach(remove => remove());
}
