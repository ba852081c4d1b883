import type { KubeObject } from '../reading/KubeReader';
import { vmOwner } from './vmOwnership';

function vmWith(metadata: Partial<KubeObject['metadata']>): KubeObject {
  return {
    apiVersion: 'infra.virtrigaud.io/v1beta1',
    kind: 'VirtualMachine',
    metadata: { name: 'vm-1', namespace: 'team-a', ...metadata },
  };
}

describe('vmOwner', () => {
  it("reads Fleet Portal's label", () => {
    expect(
      vmOwner(vmWith({ labels: { 'fleetportal.io/cluster': 'c1' } })),
    ).toEqual({ cluster: 'c1', rule: 'fleet-label' });
  });

  it('reads the Cluster API label of a VM the portal did not create', () => {
    expect(
      vmOwner(vmWith({ labels: { 'cluster.x-k8s.io/cluster-name': 'c2' } })),
    ).toEqual({ cluster: 'c2', rule: 'capi-label' });
  });

  it('reads an owner reference to the CAPI Cluster or the ClusterDeployment', () => {
    expect(
      vmOwner(
        vmWith({
          ownerReferences: [
            { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: '1' },
            {
              apiVersion: 'cluster.x-k8s.io/v1beta1',
              kind: 'Cluster',
              name: 'c3',
              uid: '2',
            },
          ],
        } as any),
      ),
    ).toEqual({ cluster: 'c3', rule: 'owner-reference' });
    expect(
      vmOwner(
        vmWith({
          ownerReferences: [
            {
              apiVersion: 'k0rdent.mirantis.com/v1beta1',
              kind: 'ClusterDeployment',
              name: 'c4',
              uid: '3',
            },
          ],
        } as any),
      ),
    ).toEqual({ cluster: 'c4', rule: 'owner-reference' });
  });

  it('ignores an owner reference of the same kind from another group', () => {
    expect(
      vmOwner(
        vmWith({
          ownerReferences: [
            {
              apiVersion: 'other.io/v1',
              kind: 'Cluster',
              name: 'c3',
              uid: '2',
            },
          ],
        } as any),
      ),
    ).toBeUndefined();
  });

  it('names the strongest rule when conventions agree', () => {
    expect(
      vmOwner(
        vmWith({
          labels: {
            'fleetportal.io/cluster': 'c1',
            'cluster.x-k8s.io/cluster-name': 'c1',
          },
        }),
      ),
    ).toEqual({ cluster: 'c1', rule: 'fleet-label' });
  });

  it('counts a VM claimed by two clusters for none and says who claims it', () => {
    const owner = vmOwner(
      vmWith({
        labels: {
          'fleetportal.io/cluster': 'c1',
          'cluster.x-k8s.io/cluster-name': 'c2',
        },
      }),
    );
    expect(owner).toMatchObject({ clusters: ['c1', 'c2'] });
    expect((owner as { conflict: string }).conflict).toBe(
      'VirtualMachine team-a/vm-1 is claimed by different clusters (label fleetportal.io/cluster=c1, label cluster.x-k8s.io/cluster-name=c2): it is counted for none until they agree',
    );
  });

  it('has no owner without any convention', () => {
    expect(vmOwner(vmWith({ labels: { app: 'x' } }))).toBeUndefined();
  });
});
