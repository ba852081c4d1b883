import { KubeConfig } from '@kubernetes/client-node';
import { InputError } from '@backstage/errors';
import { promises as fs } from 'fs';
import { ApiServerConnectionOptions, ApiServerTarget } from './types';

const ID_PATTERN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * Turns connection settings into a target. Exactly one way of connecting must be given:
 * url + token, a kubeconfig file, or in-cluster.
 */
export function createApiServerTarget(
  scope: ApiServerTarget['scope'],
  options: ApiServerConnectionOptions,
): ApiServerTarget {
  const where = `fleet.${
    scope === 'management' ? 'managementClusters' : 'dnsClusters'
  }[${options.id}]`;
  if (!ID_PATTERN.test(options.id)) {
    throw new InputError(
      `${where}.id must be a lowercase RFC 1123 label, got "${options.id}"`,
    );
  }
  const ways = [
    options.url !== undefined,
    options.kubeconfigFile !== undefined,
    options.inCluster === true,
  ];
  if (ways.filter(Boolean).length !== 1) {
    throw new InputError(
      `${where}: set exactly one of url, kubeconfigFile or inCluster`,
    );
  }
  if (
    options.url !== undefined &&
    !options.serviceAccountToken &&
    !options.serviceAccountTokenFile
  ) {
    throw new InputError(
      `${where}: url needs serviceAccountToken or serviceAccountTokenFile`,
    );
  }

  return {
    id: options.id,
    scope,
    demo: options.demo ?? false,
    namespaces: options.namespaces,
    fluxNamespaces: options.fluxNamespaces,
    defaultOwner: options.defaultOwner,
    systemNamespace: options.systemNamespace,
    loadKubeConfig: async () => {
      const kc = new KubeConfig();
      if (options.inCluster) {
        kc.loadFromCluster();
        return kc;
      }
      if (options.kubeconfigFile) {
        kc.loadFromFile(options.kubeconfigFile);
        if (options.kubeconfigContext)
          kc.setCurrentContext(options.kubeconfigContext);
        return kc;
      }
      const token =
        options.serviceAccountToken ??
        (await fs.readFile(options.serviceAccountTokenFile!, 'utf8')).trim();
      const caData =
        options.caData ??
        (options.caFile
          ? Buffer.from(await fs.readFile(options.caFile)).toString('base64')
          : undefined);
      kc.loadFromOptions({
        clusters: [
          {
            name: options.id,
            server: options.url!,
            caData,
            skipTLSVerify: false,
          },
        ],
        users: [{ name: options.id, token }],
        contexts: [{ name: options.id, cluster: options.id, user: options.id }],
        currentContext: options.id,
      });
      return kc;
    },
  };
}
