import { metrics, type Attributes } from '@opentelemetry/api';
import {
  DataPointType,
  MeterProvider,
  MetricReader,
} from '@opentelemetry/sdk-metrics';

/** Collects only when asked, as a Prometheus scrape would. */
class OnDemandReader extends MetricReader {
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

/** One data point of one metric: a gauge's value, or a histogram's count and sum. */
export interface CollectedPoint {
  name: string;
  unit: string;
  attributes: Attributes;
  value?: number;
  count?: number;
  sum?: number;
}

export interface CollectedMetrics {
  points: CollectedPoint[];
  /** The points of one metric. */
  of(name: string): CollectedPoint[];
  /** The point of `name` whose attributes are exactly `attributes`. */
  find(name: string, attributes: Attributes): CollectedPoint | undefined;
}

/**
 * Registers a real OpenTelemetry SDK meter provider as the global one, which Backstage's
 * metrics service creates its meters from: install it before the backend starts.
 */
export function installMeterProvider(scope = 'backstage-plugin-fleet') {
  const reader = new OnDemandReader();
  const provider = new MeterProvider({ readers: [reader] });
  metrics.disable();
  metrics.setGlobalMeterProvider(provider);

  const collect = async (): Promise<CollectedMetrics> => {
    const { resourceMetrics, errors } = await reader.collect();
    if (errors.length > 0)
      throw new Error(`metric collection failed: ${errors.join('; ')}`);
    const points: CollectedPoint[] = [];
    for (const s of resourceMetrics.scopeMetrics) {
      if (s.scope.name !== scope) continue;
      for (const m of s.metrics) {
        for (const p of m.dataPoints) {
          const base = {
            name: m.descriptor.name,
            unit: m.descriptor.unit,
            attributes: p.attributes,
          };
          if (m.dataPointType === DataPointType.HISTOGRAM) {
            const h = p.value as { count: number; sum?: number };
            points.push({ ...base, count: h.count, sum: h.sum });
          } else {
            points.push({ ...base, value: p.value as number });
          }
        }
      }
    }
    const same = (a: Attributes, b: Attributes) =>
      Object.keys(a).length === Object.keys(b).length &&
      Object.entries(b).every(([k, v]) => a[k] === v);
    return {
      points,
      of: name => points.filter(p => p.name === name),
      find: (name, attributes) =>
        points.find(p => p.name === name && same(p.attributes, attributes)),
    };
  };

  return {
    collect,
    async stop() {
      metrics.disable();
      await provider.shutdown();
    },
  };
}
