import { describeFigureSource } from './source';

describe('describeFigureSource', () => {
  it('names the object, field, cluster and time', () => {
    expect(
      describeFigureSource({
        readFrom: { scope: 'management', cluster: 'mgmt-eu' },
        apiVersion: 'k0rdent.mirantis.com/v1beta1',
        kind: 'ClusterDeployment',
        namespace: 'kcm-system',
        name: 'edge-fra-01',
        field: 'spec.config.k0s.version',
        readAt: '2026-03-01T11:58:00Z',
      }),
    ).toEqual([
      'ClusterDeployment kcm-system/edge-fra-01',
      'field spec.config.k0s.version',
      'from management cluster mgmt-eu',
      'read at 2026-03-01 11:58:00 UTC',
    ]);
  });

  it('handles cluster-scoped objects', () => {
    expect(
      describeFigureSource({
        readFrom: { scope: 'child', cluster: 'mgmt-eu/kcm-system/edge-fra-01' },
        apiVersion: 'v1',
        kind: 'Node',
        name: 'edge-fra-01-w1',
        field: 'status.nodeInfo.kubeletVersion',
        readAt: '2026-03-01T11:58:00Z',
      })[0],
    ).toBe('Node edge-fra-01-w1');
  });
});
