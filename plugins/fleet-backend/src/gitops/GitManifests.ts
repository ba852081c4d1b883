import {
  buildFluxPath,
  FluxBuildError,
  findLocalRepository,
  GITOPS_AREAS,
  inventoryId,
  readCommitFiles,
} from '@internal/plugin-fleet-node';
import type { ClusterDetail } from '@internal/plugin-fleet-common';
import { liveDiffersFromGit } from '../derive/liveDiffersFromGit';
import type { KubeObject } from '../reading/KubeReader';

export interface GitManifest {
  object: KubeObject;
  /** Repository path of the file. */
  path: string;
  /** The Flux revision it was read at (`main@sha1:…`). */
  revision: string;
}

/**
 * The manifests of the local GitOps repository at the revisions Flux applied, by inventory id,
 * each revision read and built once per refresh. A revision the repository does not hold (not
 * fetched here yet) or that does not build gives no manifests, never an error.
 */
export class GitManifests {
  private readonly byRevision = new Map<
    string,
    Promise<Map<string, GitManifest>>
  >();

  constructor(private readonly dir: string) {}

  async manifest(
    revision: string,
    object: KubeObject,
  ): Promise<GitManifest | undefined> {
    let manifests = this.byRevision.get(revision);
    if (!manifests) {
      manifests = this.read(revision);
      this.byRevision.set(revision, manifests);
    }
    return (await manifests).get(
      inventoryId({
        apiVersion: object.apiVersion ?? '',
        kind: object.kind ?? '',
        metadata: {
          name: object.metadata?.name ?? '',
          namespace: object.metadata?.namespace,
        },
      }),
    );
  }

  private async read(revision: string): Promise<Map<string, GitManifest>> {
    const out = new Map<string, GitManifest>();
    const sha = /@sha1:([0-9a-f]{40})$/.exec(revision)?.[1];
    const repo = findLocalRepository(this.dir);
    if (!sha || !repo) return out;
    let files;
    try {
      files = await readCommitFiles(repo, sha);
    } catch {
      return out;
    }
    for (const area of GITOPS_AREAS) {
      try {
        for (const { object, path } of buildFluxPath(files, `./${area.name}`))
          out.set(inventoryId(object), {
            object: object as KubeObject,
            path,
            revision,
          });
      } catch (error) {
        if (!(error instanceof FluxBuildError)) throw error;
      }
    }
    return out;
  }
}

/** The cluster's detail with a finding for each of its objects edited outside Git. */
export async function withGitDrift(
  detail: ClusterDetail,
  objects: KubeObject[],
  git: GitManifests | undefined,
): Promise<ClusterDetail> {
  const revision = detail.gitops?.appliedRevision?.value;
  if (!git || !revision) return detail;
  const findings = [];
  for (const object of objects)
    findings.push(
      ...liveDiffersFromGit(object, await git.manifest(revision, object)),
    );
  return findings.length > 0
    ? { ...detail, drift: [...detail.drift, ...findings] }
    : detail;
}
