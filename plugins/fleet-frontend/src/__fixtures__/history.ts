import {
  ClusterStateAt,
  HistoryEntry,
} from '@fleet-portal/plugin-fleet-common';
import { DESIRED_IMAGE, OLD_IMAGE } from './clusterDetails';
import { dnsSource, nodeSource } from './sources';

const ID = 'demo/fleet-demo/edge-fra-01';

/** Changes of edge-fra-01, newest first as the backend returns them. */
export const historyEntries: HistoryEntry[] = [
  {
    clusterId: ID,
    kind: 'cluster-health',
    subject: 'cluster',
    value: 'ready (Succeeded)',
    previous: 'progressing (Progressing)',
    observedAt: '2026-03-01T11:40:00Z',
  },
  {
    clusterId: ID,
    kind: 'node-image',
    subject: 'edge-fra-01-w-1',
    value: DESIRED_IMAGE,
    previous: OLD_IMAGE,
    source: nodeSource(
      ID,
      'edge-fra-01-w-1',
      'metadata.annotations[fleetportal.io/image-ref]',
    ),
    observedAt: '2026-03-01T11:30:00Z',
  },
  {
    clusterId: ID,
    kind: 'node-presence',
    subject: 'edge-fra-01-w-2',
    previous: 'present',
    observedAt: '2026-03-01T11:20:00Z',
  },
  {
    clusterId: ID,
    kind: 'dns-sync',
    subject: 'ARecord/fleet-demo/edge-fra-01-ingress',
    value: 'not synced: ZoneNotFound',
    previous: 'synced',
    source: dnsSource('ARecord', 'fleet-demo', 'edge-fra-01-ingress'),
    observedAt: '2026-03-01T11:10:00Z',
  },
  {
    clusterId: ID,
    kind: 'node-version',
    subject: 'edge-fra-01-cp-0',
    value: 'v1.31.2+k0s',
    previous: 'v1.30.5+k0s',
    source: nodeSource(
      ID,
      'edge-fra-01-cp-0',
      'status.nodeInfo.kubeletVersion',
    ),
    observedAt: '2026-03-01T10:00:00Z',
  },
  {
    clusterId: ID,
    kind: 'node-presence',
    subject: 'edge-fra-01-w-1',
    value: 'present',
    source: nodeSource(ID, 'edge-fra-01-w-1', 'metadata.name'),
    observedAt: '2026-02-28T09:00:00Z',
  },
];

/** edge-fra-01 as it was on 2026-03-01 at 11:00 UTC. */
export const stateAtMorning: ClusterStateAt = {
  clusterId: ID,
  at: '2026-03-01T11:00:00.000Z',
  nodes: [
    {
      name: 'edge-fra-01-cp-0',
      since: '2026-02-20T08:00:00Z',
      image: { value: DESIRED_IMAGE, since: '2026-02-20T08:00:00Z' },
      kubeletVersion: {
        value: 'v1.31.2+k0s',
        since: '2026-03-01T10:00:00Z',
        source: nodeSource(
          ID,
          'edge-fra-01-cp-0',
          'status.nodeInfo.kubeletVersion',
        ),
      },
    },
    {
      name: 'edge-fra-01-w-1',
      since: '2026-02-28T09:00:00Z',
      image: { value: OLD_IMAGE, since: '2026-02-28T09:00:00Z' },
    },
  ],
  records: [
    {
      subject: 'ARecord/fleet-demo/edge-fra-01-ingress',
      state: 'synced',
      since: '2026-02-20T08:00:00Z',
    },
  ],
  health: { value: 'progressing (Progressing)', since: '2026-03-01T09:00:00Z' },
};
