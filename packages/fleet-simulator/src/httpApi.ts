import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  apiVersionOf,
  CORE_TYPES,
  ResourceType,
  typeFromObject,
} from './resourceTypes';
import {
  FieldRequirement,
  LabelRequirement,
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from './selectors';
import { isHostileWatchFault, serveHostileWatch } from './hostileWatch';
import type { ObjectStore, StoreEvent } from './store';
import type { FleetFault, KubeObject } from './types';

/** One simulated API server: the objects it serves, who may read them, and how it misbehaves. */
export interface ApiScope {
  /** 'mgmt', 'dns' or the child cluster's name. */
  name: string;
  child: boolean;
  store: ObjectStore;
  /** CRDs installed (core types are always served). */
  crds: ResourceType[];
  token(): string;
  /** A child cluster's second accepted token: the signed-in user's OIDC id token, if any. */
  idToken?(): string | undefined;
  fault(): FleetFault | undefined;
  /** `gitVersion` for /version. */
  gitVersion(): string;
}

export interface ApiHandlerOptions {
  scope(
    first: string,
    second: string | undefined,
  ): { scope: ApiScope; consumed: number } | undefined;
  latencyMs(): number;
  slowMs(): number;
  /** How often a watch asking for bookmarks gets one. */
  bookmarkIntervalMs(): number;
  /** A delay the simulator can cancel on stop. */
  sleep(ms: number): Promise<void>;
  /** Registers an open watch so stop() (or a fault) can end it; returns the unregister function. */
  trackWatch(scope: ApiScope, end: () => void): () => void;
}

interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  code: number;
  details?: Record<string, unknown>;
}

export function statusBody(
  code: number,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
    ...(details ? { details } : {}),
  };
}

const NOT_FOUND_PATH = 'the server could not find the requested resource';
const EXPIRED_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

function send(res: ServerResponse, code: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

function sendStatus(
  res: ServerResponse,
  code: number,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
) {
  send(res, code, statusBody(code, reason, message, details));
}

function tokenMatches(header: string | undefined, expected: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1].trim());
  const want = Buffer.from(expected);
  return given.length === want.length && timingSafeEqual(given, want);
}

interface ContinueToken {
  rv: number;
  start: string;
}

function encodeContinue(token: ContinueToken): string {
  return Buffer.from(
    JSON.stringify({ v: 'meta.k8s.io/v1', rv: token.rv, start: token.start }),
  ).toString('base64');
}

function decodeContinue(text: string): ContinueToken | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
    if (
      parsed?.v !== 'meta.k8s.io/v1' ||
      typeof parsed.rv !== 'number' ||
      typeof parsed.start !== 'string'
    )
      return undefined;
    return { rv: parsed.rv, start: parsed.start };
  } catch {
    return undefined;
  }
}

const keyOf = (o: KubeObject) =>
  `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** Index of the first object (sorted by namespace/name) whose key is not below `start`. */
function firstAtOrAfter(sorted: readonly KubeObject[], start: string): number {
  if (!start) return 0;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(sorted[mid]) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the `missing-fields` fault leaves of an object: something different is missing on each. */
function stripFields(object: KubeObject, index: number): KubeObject {
  const copy = structuredClone(object) as any;
  if (copy.kind === 'Node') {
    switch (index % 3) {
      case 0:
        delete copy.status;
        break;
      case 1:
        delete copy.metadata.labels;
        delete copy.metadata.annotations;
        if (copy.status) delete copy.status.nodeInfo;
        break;
      default:
        delete copy.metadata.creationTimestamp;
        if (copy.status) {
          delete copy.status.conditions;
          delete copy.status.addresses;
        }
    }
  } else if (copy.kind === 'NodeOpUpgrade') {
    delete copy.status;
    if (index % 2 === 1) delete copy.spec?.image;
  }
  return copy;
}

interface ResolvedType {
  type: ResourceType;
  apiVersion: string;
}

function resolveType(
  scope: ApiScope,
  group: string,
  version: string,
  plural: string,
): ResolvedType | undefined {
  const served = [...CORE_TYPES, ...scope.crds];
  let type = served.find(
    t => t.group === group && t.version === version && t.plural === plural,
  );
  if (!type) {
    // Kinds a test upserted that no scope registers: served under a guessed plural.
    const stored = scope.store
      .storedTypes()
      .map(t => typeFromObject(t.apiVersion, t.kind, t.namespaced))
      .find(
        t => t.group === group && t.version === version && t.plural === plural,
      );
    type = stored;
  }
  return type ? { type, apiVersion: apiVersionOf(type) } : undefined;
}

function servedTypes(scope: ApiScope): ResourceType[] {
  const out = [...CORE_TYPES, ...scope.crds];
  for (const t of scope.store.storedTypes()) {
    const guessed = typeFromObject(t.apiVersion, t.kind, t.namespaced);
    if (
      !out.some(
        o =>
          o.group === guessed.group &&
          o.version === guessed.version &&
          o.kind === guessed.kind,
      )
    ) {
      out.push(guessed);
    }
  }
  return out;
}

function resourceList(groupVersion: string, types: ResourceType[]) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: types.map(t => ({
      name: t.plural,
      singularName: t.kind.toLowerCase(),
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: ['get', 'list', 'watch'],
    })),
  };
}

/** Serves the Kubernetes REST API (read side) of every scope. */
export function createApiHandler(options: ApiHandlerOptions) {
  return async function handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const segments = url.pathname
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent);

    const latency = options.latencyMs();
    if (latency > 0) await options.sleep(latency);
    if (res.destroyed) return;

    const found = options.scope(segments[0] ?? '', segments[1]);
    if (!found) {
      sendStatus(res, 404, 'NotFound', NOT_FOUND_PATH);
      return;
    }
    const { scope } = found;
    const path = segments.slice(found.consumed);
    const fault = scope.child ? scope.fault() : undefined;

    if (fault === 'down') {
      // Reached directly (not through the kubeconfig's closed port): drop the connection.
      req.socket.destroy();
      return;
    }
    const idToken = scope.child ? scope.idToken?.() : undefined;
    if (
      !tokenMatches(req.headers.authorization, scope.token()) &&
      !(idToken && tokenMatches(req.headers.authorization, idToken))
    ) {
      sendStatus(res, 401, 'Unauthorized', 'Unauthorized');
      return;
    }
    switch (fault) {
      case 'unauthorized':
        sendStatus(res, 401, 'Unauthorized', 'Unauthorized');
        return;
      case 'forbidden':
        sendStatus(
          res,
          403,
          'Forbidden',
          `${
            path[path.length - 1] ?? 'resource'
          } is forbidden: User "system:serviceaccount:kcm-system:fleet-portal" cannot list resource "${
            path[path.length - 1] ?? ''
          }" at the cluster scope`,
          { kind: path[path.length - 1] ?? '' },
        );
        return;
      case 'server-error':
        sendStatus(
          res,
          500,
          'InternalError',
          'Internal error occurred: etcdserver: request timed out',
        );
        return;
      case 'malformed':
        if (!res.destroyed) {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(
            '{"kind":"NodeList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[{"metadata":{"name":',
          );
        }
        return;
      case 'slow':
        await options.sleep(options.slowMs());
        if (res.destroyed) return;
        break;
      default:
        break;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendStatus(
        res,
        405,
        'MethodNotAllowed',
        `the simulator serves reads only; ${req.method} is not supported`,
      );
      return;
    }

    try {
      route(scope, path, url.searchParams, fault, req, res, options);
    } catch (error) {
      if (error instanceof SelectorError) {
        sendStatus(
          res,
          400,
          'BadRequest',
          `unable to parse requirement: ${error.message}`,
        );
        return;
      }
      sendStatus(
        res,
        500,
        'InternalError',
        `simulator error: ${(error as Error).message}`,
      );
    }
  };
}

function route(
  scope: ApiScope,
  path: string[],
  query: URLSearchParams,
  fault: FleetFault | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  options: ApiHandlerOptions,
): void {
  const [first, ...rest] = path;
  if (first === 'version' && rest.length === 0) {
    const m = /^v(\d+)\.(\d+)/.exec(scope.gitVersion());
    send(res, 200, {
      major: m?.[1] ?? '1',
      minor: m?.[2] ?? '31',
      gitVersion: scope.gitVersion(),
      gitCommit: '0000000000000000000000000000000000000000',
      gitTreeState: 'clean',
      buildDate: '2024-11-05T10:00:00Z',
      goVersion: 'go1.22.8',
      compiler: 'gc',
      platform: 'linux/amd64',
    });
    return;
  }
  if (
    (first === 'healthz' || first === 'readyz' || first === 'livez') &&
    rest.length === 0
  ) {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
    return;
  }
  const types = servedTypes(scope);
  if (first === 'api') {
    if (rest.length === 0) {
      send(res, 200, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [],
      });
      return;
    }
    if (rest[0] !== 'v1') {
      sendStatus(res, 404, 'NotFound', NOT_FOUND_PATH);
      return;
    }
    if (rest.length === 1) {
      send(
        res,
        200,
        resourceList(
          'v1',
          types.filter(t => t.group === ''),
        ),
      );
      return;
    }
    resource(scope, '', 'v1', rest.slice(1), query, fault, req, res, options);
    return;
  }
  if (first === 'apis') {
    const groups = new Map<string, string[]>();
    for (const t of types.filter(x => x.group !== '')) {
      const versions = groups.get(t.group) ?? [];
      if (!versions.includes(t.version)) versions.push(t.version);
      groups.set(t.group, versions);
    }
    const groupBody = (name: string, versions: string[]) => ({
      name,
      versions: versions.map(v => ({
        groupVersion: `${name}/${v}`,
        version: v,
      })),
      preferredVersion: {
        groupVersion: `${name}/${versions[0]}`,
        version: versions[0],
      },
    });
    if (rest.length === 0) {
      send(res, 200, {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [...groups.entries()].map(([name, versions]) =>
          groupBody(name, versions),
        ),
      });
      return;
    }
    const versions = groups.get(rest[0]);
    if (!versions) {
      sendStatus(res, 404, 'NotFound', NOT_FOUND_PATH);
      return;
    }
    if (rest.length === 1) {
      send(res, 200, {
        kind: 'APIGroup',
        apiVersion: 'v1',
        ...groupBody(rest[0], versions),
      });
      return;
    }
    if (!versions.includes(rest[1])) {
      sendStatus(res, 404, 'NotFound', NOT_FOUND_PATH);
      return;
    }
    if (rest.length === 2) {
      send(
        res,
        200,
        resourceList(
          `${rest[0]}/${rest[1]}`,
          types.filter(t => t.group === rest[0] && t.version === rest[1]),
        ),
      );
      return;
    }
    resource(
      scope,
      rest[0],
      rest[1],
      rest.slice(2),
      query,
      fault,
      req,
      res,
      options,
    );
    return;
  }
  sendStatus(res, 404, 'NotFound', NOT_FOUND_PATH);
}

/** `[namespaces/{ns}/]{plural}[/{name}[/status]]` under a group version. */
function resource(
  scope: ApiScope,
  group: string,
  version: string,
  path: string[],
  query: URLSearchParams,
  fault: FleetFault | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  options: ApiHandlerOptions,
): void {
  let namespace: string | undefined;
  let rest = path;
  if (path[0] === 'namespaces' && path.length >= 3) {
    namespace = path[1];
    rest = path.slice(2);
  }
  const [plural, name, subresource, ...extra] = rest;
  const resolved = resolveType(scope, group, version, plural);
  if (
    !resolved ||
    extra.length > 0 ||
    (subresource !== undefined && subresource !== 'status')
  ) {
    sendStatus(res, 404, 'NotFound', NOT_FOUND_PATH);
    return;
  }
  const { type, apiVersion } = resolved;
  if (namespace !== undefined && !type.namespaced) {
    sendStatus(res, 404, 'NotFound', NOT_FOUND_PATH);
    return;
  }
  if (name !== undefined && type.namespaced && namespace === undefined) {
    sendStatus(res, 404, 'NotFound', NOT_FOUND_PATH);
    return;
  }
  const qualified = group ? `${type.plural}.${group}` : type.plural;
  const present = (o: KubeObject, index: number) => {
    const shown = fault === 'missing-fields' ? stripFields(o, index) : o;
    return {
      ...shown,
      apiVersion: shown.apiVersion ?? apiVersion,
      kind: shown.kind ?? type.kind,
    };
  };

  if (name !== undefined) {
    const all = scope.store.objectsOf(apiVersion, type.kind);
    const index = all.findIndex(
      o =>
        o.metadata.name === name &&
        (o.metadata.namespace ?? undefined) === namespace,
    );
    if (index < 0) {
      sendStatus(res, 404, 'NotFound', `${qualified} "${name}" not found`, {
        name,
        group,
        kind: type.plural,
      });
      return;
    }
    send(res, 200, present(all[index], index));
    return;
  }

  const labels = parseLabelSelector(query.get('labelSelector'));
  const fields = parseFieldSelector(query.get('fieldSelector'));
  const matches = (o: KubeObject) =>
    (namespace === undefined || o.metadata.namespace === namespace) &&
    matchesLabels(labels, o.metadata.labels) &&
    matchesFields(fields, o.metadata);

  const watch = query.get('watch');
  if (watch === 'true' || watch === '1') {
    if (fault === 'watch-refused') {
      sendStatus(
        res,
        403,
        'Forbidden',
        `${type.plural}${
          group ? `.${group}` : ''
        } is forbidden: User "system:serviceaccount:kcm-system:fleet-portal" cannot watch resource "${
          type.plural
        }" in API group "${group}" at the cluster scope`,
        { group, kind: type.plural },
      );
      return;
    }
    if (isHostileWatchFault(fault)) {
      serveHostileWatch({
        fault,
        objects: scope.store
          .objectsOf(apiVersion, type.kind)
          .filter(matches)
          .map((o, i) => present(o, i)),
        req,
        res,
        track: end => options.trackWatch(scope, end),
      });
      return;
    }
    startWatch({
      scope,
      apiVersion,
      type,
      matches,
      present,
      query,
      req,
      res,
      options,
    });
    return;
  }
  list({
    scope,
    apiVersion,
    type,
    matches,
    present,
    labels,
    fields,
    query,
    fault,
    res,
  });
}

function list(args: {
  scope: ApiScope;
  apiVersion: string;
  type: ResourceType;
  matches: (o: KubeObject) => boolean;
  present: (o: KubeObject, index: number) => KubeObject;
  labels: LabelRequirement[];
  fields: FieldRequirement[];
  query: URLSearchParams;
  fault: FleetFault | undefined;
  res: ServerResponse;
}): void {
  const { scope, apiVersion, type, query, res } = args;
  const continueText = query.get('continue');
  let start = '';
  let listRv = scope.store.currentRv();
  if (continueText) {
    if (args.fault === 'paging-breaks') {
      sendStatus(res, 410, 'Expired', EXPIRED_MESSAGE);
      return;
    }
    const token = decodeContinue(continueText);
    if (!token) {
      sendStatus(
        res,
        400,
        'BadRequest',
        'continue key is not valid: illegal base64 data or JSON',
      );
      return;
    }
    start = token.start;
    listRv = token.rv;
  }
  const limitText = query.get('limit');
  const limit = limitText ? Number.parseInt(limitText, 10) : 0;
  if (limitText && (!Number.isFinite(limit) || limit < 0)) {
    sendStatus(res, 400, 'BadRequest', `invalid limit "${limitText}"`);
    return;
  }

  const all = scope.store.objectsOf(apiVersion, type.kind);
  const items: KubeObject[] = [];
  let lastKey = '';
  let remaining = 0;
  let more = false;
  for (let i = firstAtOrAfter(all, start); i < all.length; i++) {
    const o = all[i];
    if (!args.matches(o)) continue;
    if (limit > 0 && items.length >= limit) {
      more = true;
      remaining++;
      continue;
    }
    items.push(args.present(o, i));
    lastKey = keyOf(o);
  }
  const metadata: Record<string, unknown> = { resourceVersion: String(listRv) };
  if (more) {
    metadata.continue = encodeContinue({
      rv: listRv,
      start: `${lastKey}\u0000`,
    });
    // Like the real API server: no count when a selector filters the list.
    if (args.labels.length === 0 && args.fields.length === 0)
      metadata.remainingItemCount = remaining;
  }
  send(res, 200, {
    apiVersion: type.group ? apiVersion : 'v1',
    kind: `${type.kind}List`,
    metadata,
    items,
  });
}

function startWatch(args: {
  scope: ApiScope;
  apiVersion: string;
  type: ResourceType;
  matches: (o: KubeObject) => boolean;
  present: (o: KubeObject, index: number) => KubeObject;
  query: URLSearchParams;
  req: IncomingMessage;
  res: ServerResponse;
  options: ApiHandlerOptions;
}): void {
  const { scope, apiVersion, type, res, req } = args;
  const rvText = args.query.get('resourceVersion');
  let backlog: StoreEvent[] | undefined;
  if (rvText && rvText !== '0') {
    backlog = scope.store.eventsSince(Number(rvText));
    if (backlog === undefined || Number.isNaN(Number(rvText))) {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
      });
      res.end(
        `${JSON.stringify({
          type: 'ERROR',
          object: statusBody(
            410,
            'Expired',
            `too old resource version: ${rvText} (${scope.store.currentRv()})`,
          ),
        })}\n`,
      );
      return;
    }
  }
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache, private',
  });
  res.flushHeaders();

  const write = (eventType: string, object: KubeObject, index: number) => {
    if (!res.destroyed && !res.writableEnded)
      res.write(
        `${JSON.stringify({
          type: eventType,
          object: args.present(object, index),
        })}\n`,
      );
  };
  const sameType = (o: KubeObject) =>
    o.apiVersion === apiVersion && o.kind === type.kind;
  if (backlog) {
    backlog
      .filter(e => sameType(e.object) && args.matches(e.object))
      .forEach(e => write(e.type, e.object, 0));
  } else {
    scope.store.objectsOf(apiVersion, type.kind).forEach((o, i) => {
      if (args.matches(o)) write('ADDED', o, i);
    });
  }

  let finished = false;
  let unsubscribe: () => void = () => {};
  let untrack: () => void = () => {};
  let timer: NodeJS.Timeout | undefined;
  const finish = () => {
    if (finished) return;
    finished = true;
    unsubscribe();
    untrack();
    if (timer) clearTimeout(timer);
    if (!res.writableEnded) res.end();
  };
  unsubscribe = scope.store.subscribe(event => {
    if (sameType(event.object) && args.matches(event.object)) {
      write(event.type, event.object, 0);
    }
  });
  untrack = args.options.trackWatch(scope, finish);
  const bookmarks = args.query.get('allowWatchBookmarks') === 'true';
  const bookmarkTimer = bookmarks
    ? setInterval(() => {
        if (res.destroyed || res.writableEnded) return;
        res.write(
          `${JSON.stringify({
            type: 'BOOKMARK',
            object: {
              apiVersion: type.group ? apiVersion : 'v1',
              kind: type.kind,
              metadata: { resourceVersion: scope.store.resourceVersion() },
            },
          })}\n`,
        );
      }, args.options.bookmarkIntervalMs())
    : undefined;
  bookmarkTimer?.unref();
  res.on('close', () => clearInterval(bookmarkTimer));
  const timeoutSeconds = Number(args.query.get('timeoutSeconds') ?? '0');
  if (timeoutSeconds > 0) {
    timer = setTimeout(finish, timeoutSeconds * 1000);
    timer.unref();
  }
  req.on('close', finish);
  res.on('close', finish);
}
