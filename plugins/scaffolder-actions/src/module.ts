import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createClusterDay2Action } from './actions/clusterDay2';
import { createClusterManifestAction } from './actions/clusterManifest';
import { createDnsManifestAction } from './actions/dnsManifest';
import { createImageManifestAction } from './actions/imageManifest';
import { createVmManifestAction } from './actions/vmManifest';

/** Registers the Fleet Portal scaffolder actions. */
export const scaffolderModuleFleet = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'fleet',
  register(env) {
    env.registerInit({
      deps: { scaffolderActions: scaffolderActionsExtensionPoint },
      async init({ scaffolderActions }) {
        scaffolderActions.addActions(
          createClusterManifestAction(),
          createVmManifestAction(),
          createImageManifestAction(),
          createDnsManifestAction(),
          createClusterDay2Action(),
        );
      },
    });
  },
});
