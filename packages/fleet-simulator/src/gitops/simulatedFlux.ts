import {
  branchHead,
  buildFluxPath,
  DNS_CLUSTER_KUBECONFIG_SECRET,
  FileMap,
  FLUX_NAMESPACE,
  FLUX_SOURCE_NAME,
  GITOPS_AREAS,
  inventoryId,
  LocalRepository,
  readCommitFiles,
} from '@fleet-portal/plugin-fleet-node';
import { apiVersionOf, TYPES } from '../resourceTypes';
import type { ObjectStore } from '../store';
import type { KubeObject } from '../types';
import { applyManifest, refOf, substituteVariables } from './applyManifest';
import { GIT_MANAGED_KINDS } from './gitManifests';
import { condition } from '../conditions';
import { readyStatus } from './fluxStatus';

export interface SimulatedFluxOptions {
  repo: LocalRepository;
  defaultBranch: string;
  management: ObjectStore;
  dns: ObjectStore;
  clock: () => string;
}

interface InventoryEntry {
  id: string;
  v: string;
}

const KUSTOMIZATION = {
  apiVersion: apiVersionOf(TYPES.fluxKustomization),
  kind: 'Kustomization',
};
const GIT_REPOSITORY = {
  apiVersion: apiVersionOf(TYPES.gitRepository),
  kind: 'GitRepository',
};

function versionOf(apiVersion: string): string {
  return apiVersion.slice(apiVersion.indexOf('/') + 1);
}

function parseInventoryId(id: string) {
  const [namespace, name, group, kind] = id.split('_');
  return { namespace: namespace || undefined, name, group, kind };
}

/**
 * Flux's source- and kustomize-controller, simulated: fetches the default branch of a local
 * repository, applies each Kustomization's path to the management or the DNS cluster, prunes
 * what Git no longer holds, and reports revisions, `Ready` reasons and inventories as Flux does.
 * A path that does not build is `BuildFailed` and what it applied before stays applied.
 */
export class SimulatedFlux {
  private fetched?: string;
  private readonly adopted = new Set<string>();

  constructor(private readonly options: SimulatedFluxOptions) {}

  /** Fetches the branch head and reconciles every Kustomization when it moved (or `force`). */
  async reconcile(force = false): Promise<void> {
    const { repo, defaultBranch, management } = this.options;
    let head: string | undefined;
    let files: FileMap;
    try {
      head = await branchHead(repo, defaultBranch);
      if (!head) throw new Error(`no branch ${defaultBranch}`);
      if (head === this.fetched && !force) return;
      files = await readCommitFiles(repo, head);
    } catch (error) {
      // As source-controller: the source is not Ready, what was applied stays applied.
      this.sourceFailed(
        `failed to checkout and determine revision: ${
          (error as Error).message
        }`,
      );
      this.fetched = undefined;
      return;
    }
    const revision = `${defaultBranch}@sha1:${head}`;
    this.fetched = head;

    this.reconcileKustomization(this.rootKustomization(), files, revision);
    this.updateSource(revision);
    const areas = management
      .list({ ...KUSTOMIZATION, namespace: FLUX_NAMESPACE })
      .filter(k => k.metadata.name !== FLUX_SOURCE_NAME);
    const done = new Set<string>([FLUX_SOURCE_NAME]);
    const pending = [...areas];
    // Dependencies first; a cycle or a missing dependency ends as DependencyNotReady.
    while (pending.length > 0) {
      const index = pending.findIndex(k =>
        ((k.spec as any).dependsOn ?? []).every((d: any) => done.has(d.name)),
      );
      const next = pending.splice(index === -1 ? 0 : index, 1)[0];
      this.reconcileKustomization(next, files, revision);
      done.add(next.metadata.name);
    }
  }

  /** The Kustomization that syncs `flux-system/` itself, made as `flux bootstrap` would. */
  private rootKustomization(): KubeObject {
    const ref = {
      ...KUSTOMIZATION,
      namespace: FLUX_NAMESPACE,
      name: FLUX_SOURCE_NAME,
    };
    return (
      this.options.management.get(ref) ??
      this.options.management.upsert({
        ...KUSTOMIZATION,
        metadata: { name: FLUX_SOURCE_NAME, namespace: FLUX_NAMESPACE },
        spec: {
          interval: '10m',
          path: './',
          prune: true,
          sourceRef: { kind: 'GitRepository', name: FLUX_SOURCE_NAME },
        },
      })
    );
  }

  private updateSource(revision: string): void {
    const { management, clock } = this.options;
    const ref = {
      ...GIT_REPOSITORY,
      namespace: FLUX_NAMESPACE,
      name: FLUX_SOURCE_NAME,
    };
    const source = management.get(ref);
    if (!source) return;
    const now = clock();
    source.status = {
      observedGeneration: source.metadata.generation ?? 1,
      artifact: {
        revision,
        lastUpdateTime: now,
        path: `gitrepository/${FLUX_NAMESPACE}/${FLUX_SOURCE_NAME}/${
          revision.split(':')[1]
        }.tar.gz`,
        url: `http://source-controller.${FLUX_NAMESPACE}.svc.cluster.local./gitrepository/${FLUX_NAMESPACE}/${FLUX_SOURCE_NAME}/latest.tar.gz`,
      },
      conditions: [
        condition(
          'Ready',
          'True',
          'Succeeded',
          `stored artifact for revision '${revision}'`,
          now,
        ),
      ],
    };
    management.upsert(source);
  }

  private sourceFailed(message: string): void {
    const { management, clock } = this.options;
    const source = management.get({
      ...GIT_REPOSITORY,
      namespace: FLUX_NAMESPACE,
      name: FLUX_SOURCE_NAME,
    });
    if (!source) return;
    source.status = {
      ...(source.status as any),
      ...readyStatus(source, 'False', 'GitOperationFailed', message, clock()),
    };
    management.upsert(source);
  }

  private targetOf(kustomization: KubeObject): ObjectStore | string {
    const secret = (kustomization.spec as any).kubeConfig?.secretRef?.name;
    if (!secret) return this.options.management;
    if (secret === DNS_CLUSTER_KUBECONFIG_SECRET) return this.options.dns;
    return `Secret "${FLUX_NAMESPACE}/${secret}" not found: the kubeconfig of the target cluster is missing`;
  }

  private variables(kustomization: KubeObject): Record<string, string> {
    const out: Record<string, string> = {};
    for (const from of (kustomization.spec as any).postBuild?.substituteFrom ??
      []) {
      const object = this.options.management.get({
        apiVersion: 'v1',
        kind: from.kind === 'ConfigMap' ? 'ConfigMap' : 'Secret',
        namespace: FLUX_NAMESPACE,
        name: from.name,
      });
      for (const [key, value] of Object.entries(
        (object?.data as Record<string, string>) ?? {},
      ))
        out[key] =
          from.kind === 'ConfigMap'
            ? value
            : Buffer.from(value, 'base64').toString('utf8');
    }
    return {
      ...out,
      ...((kustomization.spec as any).postBuild?.substitute ?? {}),
    };
  }

  private dependencyNotReady(kustomization: KubeObject): string | undefined {
    for (const dependency of (kustomization.spec as any).dependsOn ?? []) {
      const other = this.options.management.get({
        ...KUSTOMIZATION,
        namespace: dependency.namespace ?? FLUX_NAMESPACE,
        name: dependency.name,
      });
      const ready = (other?.status as any)?.conditions?.find(
        (c: any) => c.type === 'Ready',
      );
      if (ready?.status !== 'True')
        return `dependency '${FLUX_NAMESPACE}/${dependency.name}' is not ready`;
    }
    return undefined;
  }

  /** Objects the generated fleet holds of the area's kinds: Flux owns them from the start. */
  private adoptedInventory(
    kustomization: KubeObject,
    target: ObjectStore,
  ): InventoryEntry[] {
    const area = GITOPS_AREAS.find(
      a => a.kustomization === kustomization.metadata.name,
    );
    if (!area || this.adopted.has(area.name)) return [];
    this.adopted.add(area.name);
    const kinds = new Set(GIT_MANAGED_KINDS[area.name] ?? []);
    return target
      .list()
      .filter(object => kinds.has(object.kind))
      .map(object => ({
        id: inventoryId(object),
        v: versionOf(object.apiVersion),
      }));
  }

  private reconcileKustomization(
    given: KubeObject,
    files: FileMap,
    revision: string,
  ): void {
    // The root may just have changed this Kustomization's spec: reconcile what is stored now.
    const kustomization = this.options.management.get(refOf(given)) ?? given;
    const spec = kustomization.spec as any;
    if (spec.suspend === true) return;
    const status = ((kustomization.status as any) ??= {});
    const fail = (reason: string, message: string) => {
      Object.assign(
        status,
        readyStatus(
          kustomization,
          'False',
          reason,
          message,
          this.options.clock(),
        ),
        { lastAttemptedRevision: revision },
      );
      this.options.management.upsert(kustomization);
    };
    const target = this.targetOf(kustomization);
    if (typeof target === 'string') {
      fail('ReconciliationFailed', target);
      return;
    }
    const notReady = this.dependencyNotReady(kustomization);
    if (notReady) {
      fail('DependencyNotReady', notReady);
      return;
    }

    let built;
    try {
      built = buildFluxPath(files, spec.path ?? './').map(b =>
        spec.postBuild
          ? substituteVariables(b.object, this.variables(kustomization))
          : b.object,
      );
    } catch (error) {
      fail(
        'BuildFailed',
        `kustomize build failed: ${(error as Error).message}`,
      );
      return;
    }
    const missing = [
      ...new Set(
        built
          .map(o => o.metadata.namespace)
          .filter((ns): ns is string => !!ns)
          .filter(
            ns =>
              !target.get({ apiVersion: 'v1', kind: 'Namespace', name: ns }),
          ),
      ),
    ];
    if (missing.length > 0) {
      fail(
        'ReconciliationFailed',
        `namespaces ${missing.map(n => `"${n}"`).join(', ')} not found`,
      );
      return;
    }

    const previous: InventoryEntry[] = [
      ...(status.inventory?.entries ?? []),
      ...this.adoptedInventory(kustomization, target),
    ];
    const entries = built.map(object => {
      applyManifest(target, object);
      return { id: inventoryId(object), v: versionOf(object.apiVersion) };
    });
    const kept = new Set(entries.map(e => e.id));
    if (spec.prune !== false) {
      for (const entry of previous) {
        if (kept.has(entry.id)) continue;
        const { namespace, name, group, kind } = parseInventoryId(entry.id);
        target.delete(
          refOf({
            apiVersion: group ? `${group}/${entry.v}` : entry.v,
            kind,
            metadata: { name, namespace },
          }),
        );
      }
    }
    // Applying the root may have changed this very object: set the status on what is stored.
    const current =
      this.options.management.get(refOf(kustomization)) ?? kustomization;
    current.status = {
      ...readyStatus(
        current,
        'True',
        'ReconciliationSucceeded',
        `Applied revision: ${revision}`,
        this.options.clock(),
      ),
      lastAppliedRevision: revision,
      lastAttemptedRevision: revision,
      inventory: {
        entries: entries.sort((a, b) => (a.id < b.id ? -1 : 1)),
      },
    };
    this.options.management.upsert(current);
  }
}
