import { FigureSource } from '@fleet-portal/plugin-fleet-common';
import { absoluteTime } from './time';

const SCOPE_NAMES: Record<FigureSource['readFrom']['scope'], string> = {
  management: 'management cluster',
  child: 'cluster',
  dns: 'DNS cluster',
};

/** Lines telling where a figure was read: object, field, cluster, time. */
export function describeFigureSource(source: FigureSource): string[] {
  const object = source.namespace
    ? `${source.namespace}/${source.name}`
    : source.name;
  const readFrom = source.readFrom
    ? `from ${SCOPE_NAMES[source.readFrom.scope] ?? source.readFrom.scope} ${
        source.readFrom.cluster
      }`
    : 'from an unknown cluster';
  return [
    `${source.kind} ${object}`,
    `field ${source.field}`,
    readFrom,
    `read at ${absoluteTime(source.readAt)}`,
  ];
}
