import { condition } from '../conditions';
import { apiVersionOf, TYPES } from '../resourceTypes';
import type { KubeObject } from '../types';
import { IMAGE_REF_ANNOTATION, sanitize, type Team } from './constants';
import { clusterTemplateCatalogue } from './clusterTemplates';
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
  return clusterTemplateCatalogue(team.namespace, created);
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
