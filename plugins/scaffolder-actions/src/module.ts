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
      },
      async init({ scaffolderActions, config, urlReader, discovery, auth }) {
        const integrations = ScmIntegrations.fromConfig(config);
        scaffolderActions.addActions(
          createGitopsCheckoutAction({ config, integrations, urlReader }),
          createGitopsRequestAction(),
          createClusterManifestAction({ fleet: { discovery, auth } }),
          createVmManifestAction(),
          createImageManifestAction(),
          createDnsManifestAction(),
          createClusterDay2Action({ fleet: { discovery, auth } }),
          createGitopsPublishLocalAction({ config, integrations }),
        );
      },
    });
  },
});
