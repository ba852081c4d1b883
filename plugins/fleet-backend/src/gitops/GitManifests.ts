import {
  buildFluxPath,
  FluxBuildError,
  GITOPS_AREAS,
  inventoryId,
  type FileMap,
  type PendingCommits,
} from '@fleet-portal/plugin-fleet-node';
import type { KubeObject } from '../reading/KubeReader';
import type { GitRevisions } from './GitRevisions';

export interface GitManifest {
  object: KubeObject;
  /** Repository path of the file. */
  path: string;
  /** The Flux revision it was read at (`main@sha1:…`). */
  revision: string;
}

interface RevisionManifests {
  manifests: Map<string, GitManifest>;
  /** Why the revision could not be read; its objects are then not compared. */
  problem?: string;
}

/** Revisions kept built between refreshes: the applied one and the one before it, typically. */
const KEPT_REVISIONS = 3;
/** A repository that does not answer must not hold up the refresh: its figures are left out. */
const DEFAULT_READ_TIMEOUT_MS = 60_000;

/**
 * The manifests of the GitOps repository at the revisions Flux applied, by inventory id.
 * A commit never changes, so a revision is read and built once and kept across refreshes (the
 * last few); one the repository does not hold (not fetched here yet) gives no manifests and a
 * problem to report, never an error, and is tried again at the next refresh.
 */
export class GitManifests {
  private readonly byRevision = new Map<string, Promise<RevisionManifests>>();
  private readonly unreadable = new Set<string>();
  private readonly pendingByPair = new Map<
    string,
    Promise<PendingCommits | undefined>
  >();

  constructor(
    private readonly revisions: GitRevisions,
    private readonly readTimeoutMs = DEFAULT_READ_TIMEOUT_MS,
  ) {}

  private deadline<T>(work: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `${what} from ${this.revisions.description} took longer than ${this.readTimeoutMs} ms`,
            ),
          ),
        this.readTimeoutMs,
      );
    });
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  }

  /** At the start of a refresh: forgets revisions that could not be read, and all but the newest. */
  beginRefresh(): void {
    for (const revision of this.unreadable) this.byRevision.delete(revision);
    this.unreadable.clear();
    const kept = [...this.byRevision.keys()];
    for (const revision of kept.slice(0, -KEPT_REVISIONS))
      this.byRevision.delete(revision);
  }

  /**
   * The commits the `fetched` revision is ahead of the `applied` one, or undefined when the
   * repository does not hold them. Kept: two commits always have the same commits between them.
   */
  async pending(
    fetched: string,
    applied: string | undefined,
  ): Promise<PendingCommits | undefined> {
    const from = revisionSha(fetched);
    const to = applied ? revisionSha(applied) : undefined;
    if (!from || (applied && !to)) return undefined;
    const key = `${from} ${to ?? ''}`;
    let pending = this.pendingByPair.get(key);
    if (!pending) {
      pending = this.deadline(
        this.revisions.pending(from, to),
        'reading the commits not applied yet',
      ).catch(() => undefined);
      if (this.pendingByPair.size >= 64) this.pendingByPair.clear();
      this.pendingByPair.set(key, pending);
    }
    return pending;
  }

  /** Why `revision` cannot be read, or undefined when it can. */
  async problem(revision: string): Promise<string | undefined> {
    return (await this.at(revision)).problem;
  }

  async manifest(
    revision: string,
    object: KubeObject,
  ): Promise<GitManifest | undefined> {
    return (await this.at(revision)).manifests.get(liveInventoryId(object));
  }

  private at(revision: string): Promise<RevisionManifests> {
    let manifests = this.byRevision.get(revision);
    if (manifests) {
      // Most recently used last, so beginRefresh keeps the revisions in use.
      this.byRevision.delete(revision);
    } else {
      manifests = this.read(revision).then(read => {
        if (read.problem) this.unreadable.add(revision);
        return read;
      });
    }
    this.byRevision.set(revision, manifests);
    return manifests;
  }

  private async read(revision: string): Promise<RevisionManifests> {
    const out = new Map<string, GitManifest>();
    const sha = revisionSha(revision);
    if (!sha)
      return {
        manifests: out,
        problem: `revision ${revision} names no SHA-1 commit`,
      };
    let files: FileMap;
    try {
      files = await this.deadline(
        this.revisions.files(sha),
        `reading commit ${sha.slice(0, 12)}`,
      );
    } catch (error) {
      return { manifests: out, problem: (error as Error).message };
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
    return { manifests: out };
  }
}

/** Flux's inventory id of a live object (`<namespace>_<name>_<group>_<kind>`). */
export function liveInventoryId(object: KubeObject): string {
  return inventoryId({
    apiVersion: object.apiVersion ?? '',
    kind: object.kind ?? '',
    metadata: {
      name: object.metadata?.name ?? '',
      namespace: object.metadata?.namespace,
    },
  });
}

/** The SHA-1 of a Flux revision `<branch>@sha1:<sha>`. */
function revisionSha(revision: string): string | undefined {
  return /@sha1:([0-9a-f]{40})$/.exec(revision)?.[1];
}
