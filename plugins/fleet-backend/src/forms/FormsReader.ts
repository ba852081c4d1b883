import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Observable,
  type ObservableMiddleware,
} from '@kubernetes/client-node';
import { MalformedResponseError, type KubeObject } from '../reading/KubeReader';

const K0RDENT = { group: 'k0rdent.mirantis.com', version: 'v1beta1' };
export const CLUSTER_TEMPLATES = { ...K0RDENT, plural: 'clustertemplates' };
export const CLUSTER_TEMPLATE_CHAINS = {
  ...K0RDENT,
  plural: 'clustertemplatechains',
};
export const CREDENTIALS = { ...K0RDENT, plural: 'credentials' };
type K0rdentType = typeof CLUSTER_TEMPLATES;

function abortOn(signal: AbortSignal): ObservableMiddleware {
  return {
    pre: context => {
      context.setSignal(signal);
      return new Observable(Promise.resolve(context));
    },
    post: context => new Observable(Promise.resolve(context)),
  };
}

/**
 * Reads what the forms offer from one management namespace, on demand, with the real
 * `@kubernetes/client-node` clients; every request is aborted when `signal` fires.
 */
export class FormsReader {
  private readonly core: CoreV1Api;
  private readonly custom: CustomObjectsApi;
  private readonly options;

  constructor(kubeConfig: KubeConfig, signal: AbortSignal) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.custom = kubeConfig.makeApiClient(CustomObjectsApi);
    this.options = {
      middleware: [abortOn(signal)],
      middlewareMergeStrategy: 'append' as const,
    };
  }

  /** One list call: a namespace holds a handful of templates and credentials, not pages of them. */
  async list(type: K0rdentType, namespace: string): Promise<KubeObject[]> {
    const page = await this.custom.listNamespacedCustomObject(
      { ...type, namespace },
      this.options,
    );
    if (!page || typeof page !== 'object' || !Array.isArray(page.items)) {
      throw new MalformedResponseError(
        `the ${type.plural} list has no items array`,
      );
    }
    return page.items as KubeObject[];
  }

  /** The objects of every namespace the service account may list cluster-wide. */
  async listEverywhere(type: K0rdentType): Promise<KubeObject[]> {
    const page = await this.custom.listClusterCustomObject(
      { ...type },
      this.options,
    );
    if (!page || typeof page !== 'object' || !Array.isArray(page.items)) {
      throw new MalformedResponseError(
        `the ${type.plural} list has no items array`,
      );
    }
    return page.items as KubeObject[];
  }

  async get(
    type: K0rdentType,
    namespace: string,
    name: string,
  ): Promise<KubeObject> {
    return (await this.custom.getNamespacedCustomObject(
      { ...type, namespace, name },
      this.options,
    )) as KubeObject;
  }

  async readConfigMap(namespace: string, name: string): Promise<KubeObject> {
    const configMap = await this.core.readNamespacedConfigMap(
      { namespace, name },
      this.options,
    );
    return configMap as unknown as KubeObject;
  }
}
