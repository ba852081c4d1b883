import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { condition } from '../conditions';
import { apiVersionOf, TYPES } from '../resourceTypes';
import type { KubeObject } from '../types';
import { CRDS_DIR } from '../upstreamCrds';
import { CURRENT_TEMPLATE, NEXT_TEMPLATE } from './constants';

/** A hosted-control-plane template every team may pick as well. */
export const HOSTED_TEMPLATE = 'vsphere-hosted-cp-1-0-20';
/** A template k0rdent refused: its chart version does not exist. */
export const INVALID_TEMPLATE = 'vsphere-standalone-cp-1-0-99';
export const READY_CREDENTIAL = 'vsphere-cluster-identity-cred';
/** A Credential whose identity is missing, so k0rdent never marked it ready. */
export const NOT_READY_CREDENTIAL = 'vsphere-legacy-identity-cred';
export const TEMPLATE_CHAIN = 'vsphere-standalone-cp-upgrades';

const PROVIDERS = {
  'vsphere-standalone-cp': [
    'infrastructure-vsphere',
    'bootstrap-k0sproject-k0smotron',
    'control-plane-k0sproject-k0smotron',
  ],
  'vsphere-hosted-cp': [
    'infrastructure-vsphere',
    'infrastructure-k0sproject-k0smotron',
    'bootstrap-k0sproject-k0smotron',
    'control-plane-k0sproject-k0smotron',
  ],
};
type Chart = keyof typeof PROVIDERS;

/** The ConfigMap k0rdent writes for a template whose chart ships a values schema. */
export const schemaConfigMapNameOf = (template: string) =>
  `schema-ct-${template}`;

/** The chart's values schema as shipped upstream (shared/crds), or undefined when not there. */
export function bundledValuesSchema(chart: string): string | undefined {
  const file = join(
    CRDS_DIR,
    'k0rdent/template-values',
    `${chart}.values.schema.json`,
  );
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

interface TemplateSpec {
  name: string;
  chart: Chart;
  chartVersion: string;
  /** Why k0rdent refused the template; valid when undefined. */
  validationError?: string;
}

const TEMPLATES: TemplateSpec[] = [
  {
    name: CURRENT_TEMPLATE,
    chart: 'vsphere-standalone-cp',
    chartVersion: '1.0.42',
  },
  {
    name: NEXT_TEMPLATE,
    chart: 'vsphere-standalone-cp',
    chartVersion: '1.0.43',
  },
  { name: HOSTED_TEMPLATE, chart: 'vsphere-hosted-cp', chartVersion: '1.0.20' },
  {
    name: INVALID_TEMPLATE,
    chart: 'vsphere-standalone-cp',
    chartVersion: '1.0.99',
    validationError:
      'failed to get HelmChart kcm-system/vsphere-standalone-cp-1-0-99: chart version 1.0.99 not found in the repository',
  },
];

function clusterTemplate(
  namespace: string,
  spec: TemplateSpec,
  hasSchema: boolean,
  created: string,
): KubeObject {
  const chartRef = {
    kind: 'HelmChart',
    name: spec.name,
    namespace: 'kcm-system',
  };
  const valid = spec.validationError === undefined;
  return {
    apiVersion: apiVersionOf(TYPES.clusterTemplate),
    kind: 'ClusterTemplate',
    metadata: {
      name: spec.name,
      namespace,
      creationTimestamp: created,
      generation: 1,
      labels: { 'k0rdent.mirantis.com/component': 'kcm' },
    },
    spec: { helm: { chartRef } },
    status: {
      valid,
      ...(valid ? {} : { validationError: spec.validationError }),
      chartVersion: spec.chartVersion,
      description: `A KCM cluster ${spec.chart} template`,
      k8sVersion: 'v1.31.2',
      providers: PROVIDERS[spec.chart],
      chartRef,
      ...(valid && hasSchema
        ? { schemaConfigMapName: schemaConfigMapNameOf(spec.name) }
        : {}),
      observedGeneration: 1,
    },
  };
}

function schemaConfigMap(
  namespace: string,
  template: string,
  schema: string,
  created: string,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: schemaConfigMapNameOf(template),
      namespace,
      creationTimestamp: created,
      labels: { 'k0rdent.mirantis.com/component': 'kcm' },
    },
    data: { schema },
  };
}

function credential(
  namespace: string,
  name: string,
  identity: string,
  ready: boolean,
  created: string,
): KubeObject {
  return {
    apiVersion: apiVersionOf(TYPES.credential),
    kind: 'Credential',
    metadata: { name, namespace, creationTimestamp: created, generation: 1 },
    spec: {
      description: ready
        ? 'vSphere credentials'
        : 'vSphere credentials of the retired vCenter',
      identityRef: {
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
        kind: 'VSphereClusterIdentity',
        name: identity,
      },
    },
    status: {
      ready,
      conditions: [
        ready
          ? condition(
              'CredentialReady',
              'True',
              'Succeeded',
              'Credential is ready',
              created,
            )
          : condition(
              'CredentialReady',
              'False',
              'Failed',
              `VSphereClusterIdentity ${identity} not found`,
              created,
            ),
      ],
    },
  };
}

function templateChain(namespace: string, created: string): KubeObject {
  return {
    apiVersion: apiVersionOf(TYPES.clusterTemplateChain),
    kind: 'ClusterTemplateChain',
    metadata: {
      name: TEMPLATE_CHAIN,
      namespace,
      creationTimestamp: created,
      generation: 1,
    },
    spec: {
      supportedTemplates: [
        {
          name: CURRENT_TEMPLATE,
          availableUpgrades: [{ name: NEXT_TEMPLATE }],
        },
        { name: NEXT_TEMPLATE },
      ],
    },
    status: { valid: true },
  };
}

/**
 * A team namespace's k0rdent catalogue: ClusterTemplates (valid ones with their values schema
 * ConfigMap, one k0rdent refused), the upgrade chain between them, and Credentials (one not ready).
 */
export function clusterTemplateCatalogue(
  namespace: string,
  created: string,
): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const spec of TEMPLATES) {
    const schema =
      spec.validationError === undefined
        ? bundledValuesSchema(spec.chart)
        : undefined;
    objects.push(
      clusterTemplate(namespace, spec, schema !== undefined, created),
    );
    if (schema !== undefined)
      objects.push(schemaConfigMap(namespace, spec.name, schema, created));
  }
  objects.push(
    templateChain(namespace, created),
    credential(
      namespace,
      READY_CREDENTIAL,
      'vsphere-cluster-identity',
      true,
      created,
    ),
    credential(
      namespace,
      NOT_READY_CREDENTIAL,
      'vsphere-legacy-identity',
      false,
      created,
    ),
  );
  return objects;
}
