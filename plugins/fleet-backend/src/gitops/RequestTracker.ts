import {
  clusterId,
  type ClusterGitops,
  type ClusterSummary,
  type GitopsRequestItem,
  type SourceStatus,
} from '@fleet-portal/plugin-fleet-common';
import { areaOfPath } from '@fleet-portal/plugin-fleet-node';
import type { FleetStore } from '../service/FleetStore';
import {
  journeyChanged,
  nextJourney,
  type KustomizationObservation,
} from './requestJourney';
import type { RequestProposal, RequestSource } from './RequestSource';
import type { RequestStore } from './RequestStore';
import { clusterOfRequest } from './clusterOfRequest';

export interface RequestTrackerOptions {
  source: RequestSource;
  requests: RequestStore;
  fleet: FleetStore;
  now?: () => Date;
}

export interface TrackReport {
  requests: number;
  changed: number;
}

/** `./clusters` → `clusters`; `./` → `` (the repository root). */
function normalisedPath(path: string | undefined): string {
  return (path ?? '').replace(/^\.\/?/, '').replace(/\/+$/, '');
}

/**
 * The Kustomizations that apply `files`: for each file, the one whose path is the longest prefix
 * of it (the root Kustomization applies only what no area's Kustomization does).
 */
export function kustomizationsApplying(
  files: string[],
  kustomizations: ClusterGitops[],
): ClusterGitops[] {
  const chosen = new Set<ClusterGitops>();
  for (const file of files) {
    let best: ClusterGitops | undefined;
    let bestLength = -1;
    for (const k of kustomizations) {
      const path = normalisedPath(k.kustomization.path);
      const covers = path === '' || file.startsWith(`${path}/`);
      if (covers && path.length > bestLength) {
        best = k;
        bestLength = path.length;
      }
    }
    if (best) chosen.add(best);
  }
  return [...chosen];
}

/**
 * Follows every request from its branch or pull request to the fleet: after each refresh it reads
 * the requests, the management clusters' Flux Kustomizations and the clusters the requests are
 * about, derives each journey's next step and stores the ones that moved.
 */
export class RequestTracker {
  private readonly now: () => Date;
  private running?: Promise<TrackReport>;

  constructor(private readonly options: RequestTrackerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get source(): RequestSource {
    return this.options.source;
  }

  /** One pass; a pass already running is joined rather than run twice. */
  track(): Promise<TrackReport> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<TrackReport> {
    const { source, requests, fleet } = this.options;
    const stored = new Map(
      (await requests.list()).map(item => [item.id, item] as const),
    );
    const proposals = await source.list(stored);
    const [summaries, sources] = await Promise.all([
      fleet.listClusters(),
      fleet.listSources(),
    ]);
    const now = this.now().toISOString();
    const changed: GitopsRequestItem[] = [];
    for (const proposal of proposals) {
      const previous = stored.get(proposal.id);
      const item = await this.follow(
        proposal,
        previous,
        summaries,
        sources,
        now,
      );
      if (
        !previous ||
        journeyChanged(previous.journey, item.journey) ||
        previous.merged !== item.merged ||
        previous.clusterId !== item.clusterId ||
        previous.pullRequest?.state !== item.pullRequest?.state
      )
        changed.push(item);
    }
    await requests.save(changed);
    return { requests: proposals.length, changed: changed.length };
  }

  private async follow(
    proposal: RequestProposal,
    previous: GitopsRequestItem | undefined,
    summaries: ClusterSummary[],
    sources: SourceStatus[],
    now: string,
  ): Promise<GitopsRequestItem> {
    const { merge, closedWithoutMerge, deletedFiles, openedSource, ...facts } =
      proposal;
    const { summary, ambiguous } = clusterOfRequest(proposal, summaries);
    let tiedTo = summary ? clusterId(summary.ref) : previous?.clusterId;
    if (ambiguous) tiedTo = undefined;
    const base = { ...facts, clusterId: tiedTo };
    if (previous?.journey.state === 'reconciled')
      return { ...base, journey: previous.journey };

    const management = sources.filter(
      s =>
        s.scope === 'management' &&
        (!summary || s.id === summary.ref.management),
    );
    const applying = kustomizationsApplying(
      proposal.files,
      management.flatMap(s => s.kustomizations ?? []),
    );
    const kustomizations: KustomizationObservation[] = [];
    for (const status of applying) {
      const contains = async (revision: string | undefined) =>
        Boolean(merge && revision) &&
        (await this.options.source.contains(revision!, merge!.commit));
      kustomizations.push({
        status,
        appliedContains: await contains(status.appliedRevision?.value),
        attemptedContains: await contains(status.lastAttemptedRevision?.value),
      });
    }
    const detail = summary
      ? await this.options.fleet.getCluster(summary.ref)
      : undefined;
    const areas = [
      ...new Set(proposal.files.flatMap(f => areaOfPath(f)?.name ?? [])),
    ].sort();
    const journey = nextJourney(previous?.journey, {
      opened: { at: proposal.committedAt, source: openedSource },
      merge,
      closedWithoutMerge,
      reviewHint: this.options.source.reviewHint,
      areas,
      kustomizations,
      fluxProblem: management.find(s => s.fluxProblem)?.fluxProblem?.message,
      clusterName: proposal.cluster,
      cluster: detail,
      removesCluster: deletedFiles.some(f => f.startsWith('clusters/')),
      now,
    });
    return { ...base, journey };
  }
}
