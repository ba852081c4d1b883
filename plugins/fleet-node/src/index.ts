/**
 * Node.js library shared by the Fleet Portal backend plugins and the fleet simulator: the GitOps
 * repository's layout and first files, the one YAML serialisation, local Git access (commits,
 * branches, merges) and what Flux's kustomize-controller builds from a path.
 *
 * @packageDocumentation
 */
export * from './yaml';
export * from './gitops/layout';
export * from './gitops/fileMap';
export * from './gitops/unifiedDiff';
export * from './gitops/localRepository';
export * from './gitops/mergeBranch';
export * from './gitops/mergeCommits';
export * from './gitops/pendingCommits';
export * from './gitops/repositorySkeleton';
export * from './gitops/fluxBuild';
export * from './manifests/kairosCloudConfig';
export * from './gitops/commitTrailers';
