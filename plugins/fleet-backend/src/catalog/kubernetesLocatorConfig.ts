import type { Config } from '@backstage/config';
import type { KubernetesLocatorOptions } from './clusterEntities';

/**
 * `fleet.catalog.kubernetes`: which auth provider the cluster entities name for the core
 * Kubernetes plugin's catalog cluster locator. Undefined when not configured (the entities then
 * name none and that locator skips them). Refuses what would need a credential in the catalog.
 */
export function readKubernetesLocatorOptions(
  catalogConfig: Config | undefined,
): KubernetesLocatorOptions | undefined {
  const config = catalogConfig?.getOptionalConfig('kubernetes');
  if (!config) return undefined;
  const authProvider = config.getString('authProvider');
  const oidcTokenProvider = config.getOptionalString('oidcTokenProvider');
  if (authProvider === 'serviceAccount') {
    // The locator ignores such clusters, and their token would have to be an annotation.
    throw new Error(
      'fleet.catalog.kubernetes.authProvider: serviceAccount would need the token in the catalog, ' +
        'and the catalog cluster locator ignores such clusters; use oidc (or aks, aws, google, ...)',
    );
  }
  if (authProvider === 'oidc' && !oidcTokenProvider) {
    throw new Error(
      'fleet.catalog.kubernetes.oidcTokenProvider is required with authProvider oidc ' +
        '(the sign-in provider whose id token the Kubernetes plugin forwards, e.g. okta)',
    );
  }
  if (authProvider !== 'oidc' && oidcTokenProvider) {
    throw new Error(
      `fleet.catalog.kubernetes.oidcTokenProvider is only read with authProvider oidc, not ${authProvider}`,
    );
  }
  return { authProvider, ...(oidcTokenProvider ? { oidcTokenProvider } : {}) };
}
