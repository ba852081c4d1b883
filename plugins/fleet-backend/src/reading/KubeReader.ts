import type { Agent } from 'node:https';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Observable,
  type ObservableMiddleware,
} from '@kubernetes/client-node';

import type { AgentPool } from './AgentPool';

/** A group/version/plural of a custom resource. */
export interface ResourceType {
  group: string;
  version: string;
  plural: string;
}

/** A Kubernetes object as JSON; derivations check every field they use. */
export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    generation?: number;
    resourceVersion?: string;
  };
  spec?: any;
  status?: any;
  data?: Record<string, string>;
};

export class MalformedResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedResponseError';
  }
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  /** More items than this ends the list with TooManyObjectsError (memory stays bounded). */
  maxItems?: number;
}

export class TooManyObjectsError extends Error {
  constructor(readonly limit: number) {
    super(`the list holds more than ${limit} objects`);
    this.name = 'TooManyObjectsError';
  }
}

/** Items per list request; the API server pages larger lists with `continue` tokens. */
export const DEFAULT_PAGE_SIZE = 250;

/** Runs after client-node applied the kubeconfig's auth: adds the abort signal and the pooled agent. */
function requestMiddleware(
  signal: AbortSignal,
  agent: Promise<Agent | undefined> | undefined,
): ObservableMiddleware {
  return {
    pre: context => {
      context.setSignal(signal);
      return new Observable(
        (agent ?? Promise.resolve(undefined)).then(pooled => {
          if (pooled) context.setAgent(pooled);
          return context;
        }),
      );
    },
    post: context => new Observable(Promise.resolve(context)),
  };
}

export interface ReadOptions {
  /** Aborts every request of the read. */
  signal: AbortSignal;
  /** Items per list request. */
  pageSize?: number;
  /** Keep-alive agents shared by the reads of one refresh. */
  agents?: AgentPool;
}

/**
 * Reads one API server with the real `@kubernetes/client-node` clients: lists page by page
 * (`limit` / `continue`), filters by label selector on the server, and aborts every request
 * when the given signal fires.
 */
export class KubeReader {
  private readonly core: CoreV1Api;
  private readonly custom: CustomObjectsApi;
  private readonly pageSize: number;
  private readonly options;

  constructor(kubeConfig: KubeConfig, read: ReadOptions) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.custom = kubeConfig.makeApiClient(CustomObjectsApi);
    this.pageSize = read.pageSize ?? DEFAULT_PAGE_SIZE;
    this.options = {
      middleware: [
        requestMiddleware(read.signal, read.agents?.agentFor(kubeConfig)),
      ],
      middlewareMergeStrategy: 'append' as const,
    };
  }

  async listNodes(options: ListOptions = {}): Promise<KubeObject[]> {
    return this.paginate(options.maxItems, async _continue => {
      const page = await this.core.listNode(
        {
          labelSelector: options.labelSelector,
          limit: this.pageSize,
          _continue,
        },
        this.options,
      );
      return {
        items: page.items as unknown as KubeObject[],
        next: page.metadata?._continue,
      };
    });
  }

  /**
   * Every page of one resource with the list's resourceVersion, from which a watch resumes:
   * `nodes` or a custom resource, in one namespace or all.
   */
  async listWithVersion(
    type: ResourceType | 'nodes',
    namespace: string | undefined,
    options: ListOptions = {},
  ): Promise<{ items: KubeObject[]; resourceVersion?: string }> {
    let resourceVersion: string | undefined;
    const items = await this.paginate(options.maxItems, async _continue => {
      if (type === 'nodes') {
        const page = await this.core.listNode(
          {
            labelSelector: options.labelSelector,
            limit: this.pageSize,
            _continue,
          },
          this.options,
        );
        resourceVersion ??= page.metadata?.resourceVersion;
        return {
          items: page.items as unknown as KubeObject[],
          next: page.metadata?._continue,
        };
      }
      const page = await this.customPage(type, namespace, options, _continue);
      resourceVersion ??= page.metadata?.resourceVersion;
      return {
        items: page.items as KubeObject[],
        next: page.metadata?.continue,
      };
    });
    return { items, resourceVersion };
  }

  async readSecret(namespace: string, name: string): Promise<KubeObject> {
    const secret = await this.core.readNamespacedSecret(
      { namespace, name },
      this.options,
    );
    return secret as unknown as KubeObject;
  }

  /** Lists a custom resource in the given namespaces (all namespaces when undefined). */
  async listCustom(
    type: ResourceType,
    namespaces: string[] | undefined,
    options: ListOptions = {},
  ): Promise<KubeObject[]> {
    if (!namespaces) return this.listCustomIn(type, undefined, options);
    const perNamespace = await Promise.all(
      namespaces.map(ns => this.listCustomIn(type, ns, options)),
    );
    return perNamespace.flat();
  }

  private listCustomIn(
    type: ResourceType,
    namespace: string | undefined,
    options: ListOptions,
  ): Promise<KubeObject[]> {
    return this.paginate(options.maxItems, async _continue => {
      const page = await this.customPage(type, namespace, options, _continue);
      return {
        items: page.items as KubeObject[],
        next: page.metadata?.continue,
      };
    });
  }

  private async customPage(
    type: ResourceType,
    namespace: string | undefined,
    options: ListOptions,
    _continue: string | undefined,
  ): Promise<any> {
    const params = {
      ...type,
      labelSelector: options.labelSelector,
      limit: this.pageSize,
      _continue,
    };
    const page = namespace
      ? await this.custom.listNamespacedCustomObject(
          { ...params, namespace },
          this.options,
        )
      : await this.custom.listClusterCustomObject(params, this.options);
    if (!page || typeof page !== 'object' || !Array.isArray(page.items)) {
      throw new MalformedResponseError(
        `the ${type.plural} list has no items array`,
      );
    }
    return page;
  }

  private async paginate(
    maxItems: number | undefined,
    fetchPage: (
      cont?: string,
    ) => Promise<{ items: KubeObject[]; next?: string }>,
  ): Promise<KubeObject[]> {
    const items: KubeObject[] = [];
    let next: string | undefined;
    do {
      const page = await fetchPage(next);
      items.push(...page.items);
      if (maxItems !== undefined && items.length > maxItems)
        throw new TooManyObjectsError(maxItems);
      next = page.next || undefined;
    } while (next);
    return items;
  }
}
