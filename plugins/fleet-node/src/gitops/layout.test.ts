import {
  clusterDeploymentPath,
  clusterOfPath,
  isClusterDeploymentFileOf,
  legacyClusterDeploymentPath,
  vmPath,
} from './layout';

describe('the GitOps layout', () => {
  it('files clusters and VMs by namespace, so one name in two namespaces never shares a file', () => {
    expect(clusterDeploymentPath('team-risk', 'tooling-1')).toBe(
      'clusters/team-risk/tooling-1/clusterdeployment.yaml',
    );
    expect(clusterDeploymentPath('team-risk', 'tooling-1')).not.toBe(
      clusterDeploymentPath('team-trading', 'tooling-1'),
    );
    expect(vmPath('fleet-vms', 'tooling-1', 'tooling-1-worker-1')).toBe(
      'vms/fleet-vms/tooling-1/tooling-1-worker-1.yaml',
    );
  });

  it.each([
    [
      'clusters/team-risk/tooling-1/clusterdeployment.yaml',
      { namespace: 'team-risk', cluster: 'tooling-1' },
    ],
    [
      'vms/fleet-vms/tooling-1/w-1.yaml',
      { namespace: 'fleet-vms', cluster: 'tooling-1' },
    ],
    ['clusters/tooling-1/clusterdeployment.yaml', { cluster: 'tooling-1' }],
    ['vms/tooling-1/w-1.yaml', { cluster: 'tooling-1' }],
    ['clusters/README.md', undefined],
    ['clusters/tooling-1/notes.yaml', undefined],
    ['images/fleet-vms/kairos.yaml', undefined],
  ])('tells the cluster %s is filed under', (path, expected) => {
    expect(clusterOfPath(path)).toEqual(expected);
  });

  it("recognises a cluster's ClusterDeployment file in either layout, and no other", () => {
    expect(
      isClusterDeploymentFileOf(
        clusterDeploymentPath('team-risk', 'tooling-1'),
        'tooling-1',
      ),
    ).toBe(true);
    expect(
      isClusterDeploymentFileOf(
        legacyClusterDeploymentPath('tooling-1'),
        'tooling-1',
      ),
    ).toBe(true);
    expect(
      isClusterDeploymentFileOf(
        clusterDeploymentPath('team-risk', 'tooling-10'),
        'tooling-1',
      ),
    ).toBe(false);
    expect(
      isClusterDeploymentFileOf('vms/team-risk/tooling-1/w.yaml', 'tooling-1'),
    ).toBe(false);
  });
});
