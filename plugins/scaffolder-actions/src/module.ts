import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createClusterDay2Action } from './actions/clusterDay2';
import { createClusterManifestAction } from './actions/clusterManifest';
import { createDnsManifestAction } from './actions/dnsManifest';
import { createGitopsCheckoutAction } from './actions/gitopsCheckout';
import { createGitopsPublishLocalAction } from './actions/gitopsPublishLocal';
import { createGitopsRequestAction } from './actions/gitopsRequest';
import { createImageManifestAction } from './actions/imageManifest';
import { createVmManifestAction } from './actions/vmManifest';

/** Registers the Fleet Portal scaffolder actions. */
export const scaffolderModuleFleet = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'fleet',
  register(env) {
    env.registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        urlReader: coreServices.urlReader,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
      },
      async init({
        scaffolderActions,
        config,
        urlReader,
        discovery,
        auth,
        permissions,
      }) {
        const integrations = ScmIntegrations.fromConfig(config);
        const fleet = { discovery, auth };
        scaffolderActions.addActions(
          createGitopsCheckoutAction({ config, integrations, urlReader }),
          createGitopsRequestAction(),
          createClusterManifestAction({ fleet }),
          // Day-2 changes and new VMs are requests about an existing cluster: each checks
          // fleet.cluster.request on it as the initiator before anything is written.
          createVmManifestAction({ fleet, permissions }),
          createImageManifestAction(),
          createDnsManifestAction(),
          createClusterDay2Action({ fleet, permissions }),
          createGitopsPublishLocalAction({ config, integrations }),
        );
      },
    });
  },
});
