import { Entity } from '@backstage/catalog-model';
import {
  clusterEntityName,
  clusterEntityPath,
  isFleetCluster,
  readClusterAnnotation,
} from './entity';

function entity(
  kind: string,
  type: string,
  annotations?: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'edge-fra-01', annotations },
    spec: { type },
  };
}

describe('entity helpers', () => {
  it('recognises kubernetes-cluster resources', () => {
    expect(isFleetCluster(entity('Resource', 'kubernetes-cluster'))).toBe(true);
    expect(isFleetCluster(entity('resource', 'kubernetes-cluster'))).toBe(true);
    expect(isFleetCluster(entity('Resource', 'database'))).toBe(false);
    expect(isFleetCluster(entity('Component', 'kubernetes-cluster'))).toBe(
      false,
    );
  });

  it('parses the cluster-deployment annotation', () => {
    expect(
      readClusterAnnotation(
        entity('Resource', 'kubernetes-cluster', {
          'fleetportal.io/cluster-deployment': 'mgmt-eu/kcm-system/edge-fra-01',
        }),
      ),
    ).toEqual({
      status: 'valid',
      ref: {
        management: 'mgmt-eu',
        namespace: 'kcm-system',
        name: 'edge-fra-01',
      },
    });
  });

  it('tells a missing annotation from a malformed one', () => {
    expect(
      readClusterAnnotation(entity('Resource', 'kubernetes-cluster')),
    ).toEqual({
      status: 'missing',
    });
    expect(
      readClusterAnnotation(
        entity('Resource', 'kubernetes-cluster', {
          'fleetportal.io/cluster-deployment': 'kcm-system/edge-fra-01',
        }),
      ),
    ).toEqual({ status: 'invalid', value: 'kcm-system/edge-fra-01' });
  });

  it('names and links the entity of a cluster', () => {
    const summary = {
      ref: { management: 'm', namespace: 'ns', name: 'edge-fra-01' },
    };
    expect(clusterEntityName(summary)).toBe('edge-fra-01.ns');
    expect(clusterEntityPath(summary)).toBe(
      '/catalog/m/resource/edge-fra-01.ns',
    );
  });
});
