import { condition } from '../conditions';
import { apiVersionOf, TYPES } from '../resourceTypes';
import type { KubeObject } from '../types';
import {
  CURRENT_TEMPLATE,
  IMAGE_REF_ANNOTATION,
  NEXT_TEMPLATE,
  sanitize,
  type Team,
} from './constants';
import type { ImageInfo } from './planCluster';

export function namespaces(names: string[], created: string): KubeObject[] {
  return names.map(name => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      creationTimestamp: created,
      labels: { 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));
}

export function teamCatalogue(team: Team, created: string): KubeObject[] {
  const template = (name: string, version: string): KubeObject => ({
    apiVersion: apiVersionOf(TYPES.clusterTemplate),
    kind: 'ClusterTemplate',
    metadata: {
      name,
      namespace: team.namespace,
      creationTimestamp: created,
      generation: 1,
      labels: { 'k0rdent.mirantis.com/component': 'kcm' },
    },
    spec: {
      helm: { chartRef: { kind: 'HelmChart', name, namespace: 'kcm-system' } },
    },
    status: {
      valid: true,
      chartVersion: version,
      description: 'A KCM cluster vsphere-standalone-cp template',
      k8sVersion: 'v1.31.2',
      providers: [
        'infrastructure-vsphere',
        'bootstrap-k0sproject-k0smotron',
        'control-plane-k0sproject-k0smotron',
      ],
      chartRef: { kind: 'HelmChart', name, namespace: 'kcm-system' },
      observedGeneration: 1,
    },
  });
  return [
    template(CURRENT_TEMPLATE, '1.0.42'),
    template(NEXT_TEMPLATE, '1.0.43'),
    {
      apiVersion: apiVersionOf(TYPES.credential),
      kind: 'Credential',
      metadata: {
        name: 'vsphere-cluster-identity-cred',
        namespace: team.namespace,
        creationTimestamp: created,
        generation: 1,
      },
      spec: {
        description: 'vSphere credentials',
        identityRef: {
          apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
          kind: 'VSphereClusterIdentity',
          name: 'vsphere-cluster-identity',
        },
      },
      status: {
        ready: true,
        conditions: [
          condition(
            'CredentialReady',
            'True',
            'Succeeded',
            'Credential is ready',
            created,
          ),
        ],
      },
    },
  ];
}

export function vmImageObject(
  namespace: string,
  image: ImageInfo,
  digestInRegistryImage: boolean,
  created: string,
): KubeObject {
  const pinned = image.digest !== undefined;
  return {
    apiVersion: apiVersionOf(TYPES.vmImage),
    kind: 'VMImage',
    metadata: {
      name: image.name,
      namespace,
      creationTimestamp: created,
      generation: 1,
      labels: {
        'app.kubernetes.io/managed-by': 'fleet-portal',
        'kairos.io/release': image.release.kairos,
        'kairos.io/software-version': sanitize(image.release.k0s),
      },
      annotations:
        pinned && !digestInRegistryImage
          ? { [IMAGE_REF_ANNOTATION]: image.reference }
          : {},
    },
    spec: {
      source: {
        registry: {
          image:
            pinned && digestInRegistryImage ? image.reference : image.tagRef,
          format: 'qcow2',
        },
      },
      distribution: { name: 'ubuntu', version: '24.04', family: 'linux' },
      metadata: {
        displayName: `Kairos ${image.release.kairos} Ubuntu 24.04 with k0s ${image.release.k0s}`,
        version: image.release.kairos,
        architecture: 'amd64',
        tags: { os: 'kairos', k0s: sanitize(image.release.k0s) },
      },
    },
    status: {
      phase: 'Ready',
      ready: true,
      format: 'qcow2',
      availableOn: ['vsphere-dc1'],
      observedGeneration: 1,
      conditions: [
        condition(
          'Ready',
          'True',
          'ImageReady',
          'Image is available on all providers',
          created,
        ),
      ],
    },
  };
}
