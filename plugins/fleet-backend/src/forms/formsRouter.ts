import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { ApiException } from '@kubernetes/client-node';
import type {
  ClusterTemplateListResponse,
  ClusterTemplateSchemaResponse,
  CredentialListResponse,
  ManagementClusterListResponse,
  NamespaceListResponse,
} from '@fleet-portal/plugin-fleet-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { ApiServerTarget } from '../connections/types';
import { parseParams } from '../parseParams';
import { classifyReadError } from '../reading/classifyReadError';
import { optionalList } from '../reading/optionalList';
import { withTimeout } from '../reading/withTimeout';
import {
  formClusterTemplates,
  formCredentials,
  parseSchemaConfigMap,
  templateNamespaces,
} from './formObjects';
import {
  CLUSTER_TEMPLATE_CHAINS,
  CLUSTER_TEMPLATES,
  CREDENTIALS,
  FormsReader,
} from './FormsReader';

const rfc1123Label = z
  .string()
  .max(63)
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    'must be a lowercase RFC 1123 label',
  );
const rfc1123Subdomain = z
  .string()
  .max(253)
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    'must be a lowercase RFC 1123 subdomain',
  );
const namespaceParams = z.object({
  management: rfc1123Label,
  namespace: rfc1123Label,
});
const templateParams = namespaceParams.extend({ name: rfc1123Subdomain });

export interface FormsRouterOptions {
  managementClusters: ApiServerTarget[];
  /** How long one answer may take to read from the management cluster. */
  timeoutMs: number;
}

const PERMISSIONS_HINT =
  'list clustertemplates, clustertemplatechains and credentials (k0rdent.mirantis.com) and get configmaps';

/**
 * What the forms offer, read from the management cluster when asked (no refresh to wait for):
 * ClusterTemplates with their upgrade paths, their live values schemas, and Credentials.
 */
export function createFormsRouter({
  managementClusters,
  timeoutMs,
}: FormsRouterOptions): express.Router {
  const router = Router();

  async function readFrom<T>(
    ref: { management: string; namespace?: string },
    during: string,
    work: (reader: FormsReader) => Promise<T>,
  ): Promise<T> {
    const target = managementClusters.find(t => t.id === ref.management);
    if (!target) {
      throw new NotFoundError(
        `management cluster ${ref.management} is not configured (known: ${
          managementClusters.map(t => t.id).join(', ') || 'none'
        })`,
      );
    }
    if (
      ref.namespace !== undefined &&
      target.namespaces &&
      !target.namespaces.includes(ref.namespace)
    ) {
      throw new NotFoundError(
        `namespace ${ref.namespace} is not read on management cluster ${ref.management} (fleet.managementClusters[${ref.management}].namespaces)`,
      );
    }
    const kubeConfig = await target.loadKubeConfig();
    const result = await withTimeout(timeoutMs, signal =>
      work(new FormsReader(kubeConfig, signal)),
    );
    if (result.error === undefined) return result.value as T;
    if (result.error instanceof NotFoundError) throw result.error;
    const failure = classifyReadError(
      result.error,
      during,
      new Date().toISOString(),
      result.timedOut,
    );
    throw new ServiceUnavailableError(
      `management cluster ${ref.management} could not be read while ${during}: ${failure.message}. ` +
        `Check that it is reachable and that the fleet service account may ${PERMISSIONS_HINT} in ${
          ref.namespace ?? 'the namespaces read'
        }; ` +
        'until then the form offers the values written in the template.',
    );
  }

  router.get('/management', (_req, res) => {
    const body: ManagementClusterListResponse = {
      items: managementClusters.map(t => ({
        id: t.id,
        ...(t.namespaces ? { namespaces: t.namespaces } : {}),
      })),
    };
    res.json(body);
  });

  router.get('/management/:management/namespaces', async (req, res) => {
    const { management } = parseParams(
      namespaceParams.pick({ management: true }),
      req.params,
    );
    const target = managementClusters.find(t => t.id === management);
    const items = await readFrom(
      { management },
      'listing the namespaces that hold ClusterTemplates',
      async reader =>
        templateNamespaces(
          target?.namespaces
            ? (
                await Promise.all(
                  target.namespaces.map(ns =>
                    reader.list(CLUSTER_TEMPLATES, ns),
                  ),
                )
              ).flat()
            : await reader.listEverywhere(CLUSTER_TEMPLATES),
        ),
    );
    const body: NamespaceListResponse = { management, items };
    res.json(body);
  });

  router.get(
    '/management/:management/namespaces/:namespace/cluster-templates',
    async (req, res) => {
      const ref = parseParams(namespaceParams, req.params);
      const items = await readFrom(
        ref,
        'listing ClusterTemplates',
        async reader => {
          const [templates, chains] = await Promise.all([
            reader.list(CLUSTER_TEMPLATES, ref.namespace),
            optionalList(() =>
              reader.list(CLUSTER_TEMPLATE_CHAINS, ref.namespace),
            ),
          ]);
          return formClusterTemplates(templates, chains);
        },
      );
      const body: ClusterTemplateListResponse = { ...ref, items };
      res.json(body);
    },
  );

  router.get(
    '/management/:management/namespaces/:namespace/cluster-templates/:name/schema',
    async (req, res) => {
      const ref = parseParams(templateParams, req.params);
      const where = `ClusterTemplate ${ref.namespace}/${ref.name}`;
      const body = await readFrom(
        ref,
        `reading the values schema of ${where}`,
        async reader => {
          const template = await notFoundAs(
            `${where} does not exist on management cluster ${ref.management}`,
            () => reader.get(CLUSTER_TEMPLATES, ref.namespace, ref.name),
          );
          const configMapName = template.status?.schemaConfigMapName;
          if (typeof configMapName !== 'string' || configMapName === '') {
            throw new NotFoundError(
              `${where} has no values schema (status.schemaConfigMapName is not set: its chart ships none)`,
            );
          }
          const configMap = await notFoundAs(
            `${where} names the schema ConfigMap ${ref.namespace}/${configMapName}, which does not exist`,
            () => reader.readConfigMap(ref.namespace, configMapName),
          );
          let schema: Record<string, unknown>;
          try {
            schema = parseSchemaConfigMap(configMap);
          } catch (error) {
            throw new NotFoundError(
              `the schema ConfigMap ${
                ref.namespace
              }/${configMapName} of ${where} holds no usable schema: ${
                (error as Error).message
              }`,
            );
          }
          const answer: ClusterTemplateSchemaResponse = {
            management: ref.management,
            namespace: ref.namespace,
            template: ref.name,
            source: `${ref.namespace}/${configMapName}`,
            schema,
          };
          return answer;
        },
      );
      res.json(body);
    },
  );

  router.get(
    '/management/:management/namespaces/:namespace/credentials',
    async (req, res) => {
      const ref = parseParams(namespaceParams, req.params);
      const items = await readFrom(ref, 'listing Credentials', async reader =>
        formCredentials(await reader.list(CREDENTIALS, ref.namespace)),
      );
      const body: CredentialListResponse = { ...ref, items };
      res.json(body);
    },
  );

  return router;
}

/** A 404 from the API server for one named object: the object is missing, not the cluster. */
async function notFoundAs<T>(
  message: string,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiException && error.code === 404)
      throw new NotFoundError(message);
    throw error;
  }
}
