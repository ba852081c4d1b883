/**
 * Scaffolder actions that turn Fleet Portal forms into k0rdent, VirtRigaud, Kairos and bindy
 * manifests in a GitOps repository checkout.
 *
 * @packageDocumentation
 */
export { scaffolderModuleFleet as default } from './module';
export { createClusterManifestAction } from './actions/clusterManifest';
export { createVmManifestAction } from './actions/vmManifest';
export { createImageManifestAction } from './actions/imageManifest';
export { createDnsManifestAction } from './actions/dnsManifest';
export { createClusterDay2Action } from './actions/clusterDay2';
export {
  createGitopsCheckoutAction,
  type GitopsActionOptions,
} from './actions/gitopsCheckout';
export { createGitopsRequestAction } from './actions/gitopsRequest';
export { createGitopsPublishLocalAction } from './actions/gitopsPublishLocal';
