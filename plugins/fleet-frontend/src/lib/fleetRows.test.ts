import { clusterListResponse } from '../__fixtures__/clusterList';
import { countServices } from '@fleet-portal/plugin-fleet-common';
import { SERVICES } from '../__fixtures__/services';
import { toFleetRow } from './fleetRows';

describe('toFleetRow', () => {
  it('flattens a drifted cluster', () => {
    expect(toFleetRow(clusterListResponse.items[0])).toEqual({
      id: 'demo/fleet-demo/edge-fra-01',
      name: 'edge-fra-01',
      entityPath: '/catalog/demo/resource/edge-fra-01.fleet-demo',
      demo: true,
      management: 'demo',
      namespace: 'fleet-demo',
      health: 'ready',
      healthReason: 'Succeeded',
      k0sDesired: 'v1.31.2+k0s.1',
      k0sRunning: 'v1.31.2+k0s, v1.30.5+k0s',
      images: 'sha256:1a2b3c4d…, sha256:9f8e7d6c…',
      dnsSynced: 2,
      dnsTotal: 4,
      dnsUnsynced: 2,
      driftCount: 5,
      driftTypes: [
        { type: 'k0s-version', label: 'k0s version', count: 1 },
        { type: 'k0s-build', label: 'k0s build', count: 1 },
        { type: 'node-image', label: 'Node image', count: 1 },
        { type: 'node-image-unknown', label: 'Image unknown', count: 1 },
        { type: 'dns-unsynced', label: 'DNS unsynced', count: 1 },
      ],
      driftText:
        'k0s version, k0s build, Node image, Image unknown, DNS unsynced',
      services: '',
      servicesNotDeployed: 0,
      gitopsTone: 'none',
      gitops: '—',
      lastRead: '2026-03-01T11:40:00Z',
      stale: true,
      readFailures: 'child nodes: timeout',
    });
  });

  it('fills blanks for a cluster with little data', () => {
    const row = toFleetRow(clusterListResponse.items[2]);
    expect(row).toMatchObject({
      k0sDesired: '',
      k0sRunning: '',
      images: '',
      driftCount: 0,
      driftText: '',
      lastRead: '',
      stale: false,
    });
  });

  it('says how many services are deployed and which failed or provision', () => {
    const row = toFleetRow({
      ...clusterListResponse.items[0],
      serviceCounts: countServices(SERVICES),
    });
    expect(row.services).toBe('1 / 4 deployed, 1 failed, 1 provisioning');
    expect(row.servicesNotDeployed).toBe(2);
  });
});
