import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIPv6, type AddressInfo, type Socket } from 'node:net';
import {
  fleetClusterNames,
  generateFleet,
  REGION_BY_SECRET,
} from './generateFleet';
import { ApiScope, createApiHandler } from './httpApi';
import type { ChildClusters } from './controllers/context';
import { startGitopsLoop, type GitopsLoop } from './gitops/startGitopsLoop';
import { kubeconfigSecret, renderKubeconfig } from './kubeconfig';
import { isoAt } from './random';
import {
  CHILD_TYPES,
  WORKLOAD_TYPES,
  DNS_TYPES,
  MGMT_TYPES,
} from './resourceTypes';
import { setNodeImage } from './nodeImage';
import { ObjectStore } from './store';
import { generateSimulatorTls } from './tls';
import {
  FLEET_FAULTS,
  type FleetAccess,
  type FleetFault,
  type FleetModel,
  type FleetSimulatorOptions,
  type KubeObject,
  type KubeObjectStore,
} from './types';

export interface FleetSimulator {
  /** Base URL, e.g. `http://127.0.0.1:PORT`. */
  url: string;
  /** The management cluster: `${url}/mgmt`; caData = base64 PEM CA when TLS. */
  management: { url: string; token: string; caData?: string };
  /** The cluster bindy runs in: `${url}/dns`. */
  dns: { url: string; token: string; caData?: string };
  /** The fleet as generated at start (objects change through `objects()`, not here). */
  model: FleetModel;
  clusterNames(): string[];
  setFault(cluster: string, fault: FleetFault | undefined): void;
  setLatency(ms: number): void;
  /**
   * Moves a node to an image: its VirtualMachine names a VMImage for `reference` (created when
   * none exists), the node's `fleetportal.io/image-ref` annotation says it, and when the cluster
   * rolls images with NodeOpUpgrades, the newest one for the node completes with that image.
   */
  setNodeImage(cluster: string, node: string, reference: string): void;
  /** The objects of one API server: 'mgmt', 'dns', `region:<name>` or a child cluster's name. */
  objects(scope: 'mgmt' | 'dns' | string): KubeObjectStore;
  /**
   * The GitOps loop when started with `gitops`: its repository, and Flux and the controllers on
   * demand (tests step them instead of waiting for their intervals).
   */
  gitops?: GitopsLoop;
  /** HTTP requests served since start (or the last reset). */
  requestCount(): number;
  resetRequestCount(): void;
  /** Ends every open watch, as an API server restart does; clients resume from their resourceVersion. */
  interruptWatches(): void;
  /**
   * Forgets the change history of one API server: a watch resuming from an earlier
   * resourceVersion gets 410 Gone and must list again (as after etcd compaction).
   */
  expireWatchHistory(scope: 'mgmt' | 'dns' | string): void;
  /** Watches open now, over all API servers. */
  openWatchCount(): number;
  /** Closes the server and every socket, open watches included. */
  stop(): Promise<void>;
}

const KUBECONFIG_FAULTS: FleetFault[] = [
  'down',
  'kubeconfig-exec',
  'kubeconfig-missing',
];

function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

/** A port on `host` that nothing listens on (bound, then released). */
async function closedPort(host: string): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, host, () => resolve());
  });
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>(resolve => probe.close(() => resolve()));
  return port;
}

/**
 * Starts the simulated management, DNS and child API servers on one HTTP(S) server.
 */
export async function startFleetSimulator(
  options: FleetSimulatorOptions = {},
): Promise<FleetSimulator> {
  const host = options.host ?? '127.0.0.1';
  const urlHost = isIPv6(host) ? `[${host}]` : host;
  const tls = options.tls ? await generateSimulatorTls(host) : undefined;
  const managementToken = options.managementToken ?? randomToken();
  const names = fleetClusterNames(options.clusters ?? 12).map(c => c.name);
  const faults = new Map<string, FleetFault>();
  for (const [cluster, fault] of Object.entries(options.faults ?? {})) {
    if (!names.includes(cluster))
      throw new Error(`fault for unknown cluster "${cluster}"`);
    if (!FLEET_FAULTS.includes(fault))
      throw new Error(`unknown fault "${fault}" for cluster ${cluster}`);
    faults.set(cluster, fault);
  }
  let latencyMs = options.latencyMs ?? 0;
  const slowMs = options.slowMs ?? 30_000;
  const digestInRegistryImage = options.digestInRegistryImage ?? false;
  let requests = 0;
  let stopped = false;

  const sockets = new Set<Socket>();
  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const watches = new Map<ApiScope, Set<() => void>>();
  const scopes = new Map<string, ApiScope>();
  const children = new Map<string, ApiScope>();
  const regions = new Map<string, ApiScope>();

  const sleep = (ms: number) =>
    new Promise<void>(resolve => {
      if (stopped) return;
      const entry = {
        timer: setTimeout(() => {
          timers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      timers.add(entry);
    });

  const handler = createApiHandler({
    scope: (first, second) => {
      if (first === 'mgmt' || first === 'dns') {
        const scope = scopes.get(first);
        return scope ? { scope, consumed: 1 } : undefined;
      }
      if (first === 'clusters' && second) {
        const scope = children.get(second);
        return scope ? { scope, consumed: 2 } : undefined;
      }
      if (first === 'regions' && second) {
        const scope = regions.get(second);
        return scope ? { scope, consumed: 2 } : undefined;
      }
      return undefined;
    },
    latencyMs: () => latencyMs,
    slowMs: () => slowMs,
    bookmarkIntervalMs: () => options.bookmarkIntervalMs ?? 60_000,
    sleep,
    trackWatch: (scope, end) => {
      const set = watches.get(scope) ?? new Set();
      watches.set(scope, set);
      set.add(end);
      return () => set.delete(end);
    },
  });
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    requests++;
    handler(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500);
        res.end();
      }
    });
  };
  const server = tls
    ? https.createServer({ key: tls.key, cert: tls.cert }, onRequest)
    : http.createServer(onRequest);
  // Node closes idle keep-alive connections after 5 s; kube-apiserver (Go's net/http, no idle
  // timeout set) keeps them. Clients that pool connections, as the core Kubernetes plugin's
  // agents do, would otherwise reuse a socket the simulator just closed ("socket hang up").
  server.keepAliveTimeout = 120_000;
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const scheme = tls ? 'https' : 'http';
  const url = `${scheme}://${urlHost}:${port}`;
  const access: FleetAccess = {
    baseUrl: url,
    closedBaseUrl: `${scheme}://${urlHost}:${await closedPort(host)}`,
    caData: tls?.caData,
    tokens: Object.fromEntries(
      [...names, REGION_BY_SECRET].map(name => [name, randomToken()]),
    ),
  };
  const model = generateFleet({
    ...options,
    faults: Object.fromEntries(faults),
    access,
  });
  // Objects created or changed at run time get times after everything generated.
  let tick = 0;
  const baseMs = Date.parse(model.baseTime);
  const clock = () => isoAt(baseMs, 1 + tick++ / 60);

  const mgmtStore = new ObjectStore('mgmt', clock, model.mgmt);
  const dnsStore = new ObjectStore('dns', clock, model.dns);
  const gitVersion = 'v1.31.2+k0s';
  scopes.set('mgmt', {
    name: 'mgmt',
    child: false,
    store: mgmtStore,
    crds: MGMT_TYPES,
    token: () => managementToken,
    fault: () => undefined,
    gitVersion: () => gitVersion,
  });
  scopes.set('dns', {
    name: 'dns',
    child: false,
    store: dnsStore,
    crds: DNS_TYPES,
    token: () => managementToken,
    fault: () => undefined,
    gitVersion: () => gitVersion,
  });
  for (const [name, objects] of Object.entries(model.regions))
    regions.set(name, {
      name: `region:${name}`,
      child: false,
      store: new ObjectStore(`region:${name}`, clock, objects),
      crds: [],
      token: () => access.tokens[name],
      fault: () => undefined,
      gitVersion: () => gitVersion,
    });
  const gitVersions = new Map<string, string>();
  const addChild = (
    name: string,
    objects: KubeObject[],
    childVersion: string,
  ) => {
    const store = new ObjectStore(`cluster:${name}`, clock, objects);
    gitVersions.set(name, childVersion);
    children.set(name, {
      name,
      child: true,
      store,
      crds: [...WORKLOAD_TYPES, ...CHILD_TYPES],
      token: () => access.tokens[name],
      idToken: () => options.oidcIdToken,
      fault: () => faults.get(name),
      gitVersion: () => gitVersions.get(name)!,
    });
    return store;
  };
  for (const cluster of model.clusters)
    addChild(
      cluster.name,
      model.children[cluster.name],
      cluster.controlPlaneVersion.replace(/[+-]k0s\.\d+$/, '+k0s'),
    );

  const clusterOf = (name: string) => {
    const cluster = model.clusters.find(c => c.name === name);
    if (!cluster) throw new Error(`unknown cluster "${name}"`);
    return cluster;
  };
  const endWatches = (scope: ApiScope | undefined) => {
    if (!scope) return;
    for (const end of [...(watches.get(scope) ?? [])]) end();
  };

  // Clusters the simulated controllers create and remove as Git asks.
  const childNamespaces = new Map(
    model.clusters.map(c => [c.name, c.namespace]),
  );
  const childClusters: ChildClusters = {
    store: name => children.get(name)?.store as ObjectStore | undefined,
    names: () => [...children.keys()],
    create(name, namespace, childVersion) {
      access.tokens[name] ??= randomToken();
      childNamespaces.set(name, namespace);
      const store = addChild(name, [], childVersion);
      const secret = kubeconfigSecret({
        cluster: name,
        namespace,
        access,
        creationTimestamp: clock(),
      });
      if (secret) mgmtStore.upsert(secret);
      return store;
    },
    remove(name) {
      endWatches(children.get(name));
      children.delete(name);
      mgmtStore.delete({
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: childNamespaces.get(name),
        name: `${name}-kubeconfig`,
      });
    },
    setGitVersion: (name, childVersion) => gitVersions.set(name, childVersion),
  };
  const gitops = options.gitops
    ? await startGitopsLoop({
        options: options.gitops,
        model,
        management: mgmtStore,
        dns: dnsStore,
        children: childClusters,
        clock,
        dnsKubeconfig: renderKubeconfig({
          cluster: 'dns',
          server: `${url}/dns`,
          caData: tls?.caData,
          token: managementToken,
        }),
      })
    : undefined;

  const simulator: FleetSimulator = {
    gitops,
    url,
    management: {
      url: `${url}/mgmt`,
      token: managementToken,
      caData: tls?.caData,
    },
    dns: { url: `${url}/dns`, token: managementToken, caData: tls?.caData },
    model,
    clusterNames: () => model.clusters.map(c => c.name),

    setFault(clusterName, fault) {
      const cluster = clusterOf(clusterName);
      if (fault !== undefined && !FLEET_FAULTS.includes(fault))
        throw new Error(`unknown fault "${fault}"`);
      const before = faults.get(clusterName);
      if (fault) faults.set(clusterName, fault);
      else faults.delete(clusterName);
      if (
        KUBECONFIG_FAULTS.includes(before as FleetFault) ||
        KUBECONFIG_FAULTS.includes(fault as FleetFault)
      ) {
        const ref = {
          apiVersion: 'v1',
          kind: 'Secret',
          namespace: cluster.namespace,
          name: `${clusterName}-kubeconfig`,
        };
        const existing = mgmtStore.peek(ref);
        const secret = kubeconfigSecret({
          cluster: clusterName,
          namespace: cluster.namespace,
          access,
          fault,
          creationTimestamp: existing?.metadata.creationTimestamp ?? clock(),
        });
        if (secret) mgmtStore.upsert(secret);
        else mgmtStore.delete(ref);
      }
      // A cluster that stops answering drops the watches it had open.
      if (
        fault &&
        [
          'down',
          'unauthorized',
          'forbidden',
          'server-error',
          'malformed',
        ].includes(fault)
      ) {
        endWatches(children.get(clusterName));
      }
    },

    setLatency(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new Error(`invalid latency ${ms}`);
      latencyMs = ms;
    },

    setNodeImage(clusterName, nodeName, reference) {
      const cluster = clusterOf(clusterName);
      setNodeImage({
        management: mgmtStore,
        child: children.get(clusterName)!.store as ObjectStore,
        cluster,
        clusterName,
        nodeName,
        reference,
        digestInRegistryImage,
        clock,
      });
    },

    objects(scope) {
      if (scope === 'mgmt') return mgmtStore;
      if (scope === 'dns') return dnsStore;
      const region = scope.startsWith('region:')
        ? regions.get(scope.slice('region:'.length))
        : undefined;
      if (region) return region.store;
      const child = children.get(scope);
      if (!child)
        throw new Error(
          `unknown scope "${scope}": use 'mgmt', 'dns', 'region:<name>' or a cluster name`,
        );
      return child.store;
    },

    interruptWatches() {
      for (const set of watches.values()) for (const end of [...set]) end();
    },

    expireWatchHistory(scope) {
      (simulator.objects(scope) as ObjectStore).compactHistory();
    },

    openWatchCount: () =>
      [...watches.values()].reduce((n, set) => n + set.size, 0),

    requestCount: () => requests,
    resetRequestCount: () => {
      requests = 0;
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      gitops?.stop();
      for (const entry of timers) clearTimeout(entry.timer);
      timers.clear();
      for (const set of watches.values()) for (const end of [...set]) end();
      const closed = new Promise<void>(resolve =>
        server.close(() => resolve()),
      );
      server.closeAllConnections?.();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
  return simulator;
}
