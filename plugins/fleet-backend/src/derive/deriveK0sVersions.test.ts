import { clusterDeployment, mgmtRead } from '../__testUtils__/objects';
import type { KubeObject } from '../reading/KubeReader';
import { deriveK0sVersions } from './deriveK0sVersions';

function controlPlane(
  kind: string,
  name: string,
  version?: string,
): KubeObject {
  return {
    apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
    kind,
    metadata: { name, namespace: 'team-a' },
    status: version === undefined ? {} : { version },
  };
}

const cd = clusterDeployment('c1', { k0s: 'v1.32.4+k0s.0' });

describe('deriveK0sVersions exact build', () => {
  it('reads a K0smotronControlPlane status.version as the exact build, naming it as the source', () => {
    const versions = deriveK0sVersions(
      cd,
      [controlPlane('K0smotronControlPlane', 'c1', 'v1.32.4-k0s.0')],
      [],
      mgmtRead,
    );
    expect(versions.exactBuild?.value).toBe('v1.32.4+k0s.0');
    expect(versions.exactBuild?.source).toMatchObject({
      kind: 'K0smotronControlPlane',
      name: 'c1',
      field: 'status.version',
    });
  });

  it('reads a K0sControlPlane the same way', () => {
    const versions = deriveK0sVersions(
      cd,
      [controlPlane('K0sControlPlane', 'c1-cp', 'v1.32.4+k0s.1')],
      [],
      mgmtRead,
    );
    expect(versions.exactBuild).toMatchObject({
      value: 'v1.32.4+k0s.1',
      source: { kind: 'K0sControlPlane', name: 'c1-cp' },
    });
  });

  it('skips a control plane that has not reported yet (k0smotron defaults the version to "")', () => {
    const versions = deriveK0sVersions(
      cd,
      [
        controlPlane('K0smotronControlPlane', 'c1', ''),
        controlPlane('K0sControlPlane', 'c1-cp', 'v1.32.4+k0s.0'),
      ],
      [],
      mgmtRead,
    );
    expect(versions.exactBuild?.source.kind).toBe('K0sControlPlane');
    expect(
      deriveK0sVersions(
        cd,
        [controlPlane('K0smotronControlPlane', 'c1', '')],
        [],
        mgmtRead,
      ).exactBuild,
    ).toBeUndefined();
  });

  it('prefers a version carrying its .N build over one without', () => {
    const versions = deriveK0sVersions(
      cd,
      [
        controlPlane('K0sControlPlane', 'c1-cp', 'v1.32.4'),
        controlPlane('K0smotronControlPlane', 'c1', 'v1.32.4-k0s.2'),
      ],
      [],
      mgmtRead,
    );
    expect(versions.exactBuild).toMatchObject({
      value: 'v1.32.4+k0s.2',
      source: { kind: 'K0smotronControlPlane' },
    });
  });
});
