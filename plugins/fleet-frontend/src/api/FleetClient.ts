import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ClusterDetail,
  ClusterInventoryResponse,
  ClusterListResponse,
  ClusterPageResponse,
  FleetListQuery,
  ClusterRef,
  ClusterStateAt,
  GitopsRequestListResponse,
  HistoryResponse,
  MergeRequestBody,
  MergeRequestResponse,
  ClusterTemplateListResponse,
  CredentialListResponse,
  ManagementClusterListResponse,
  NamespaceListResponse,
} from '@fleet-portal/plugin-fleet-common';
import { FleetApi, HistoryQuery, RequestsQuery } from './FleetApi';

/** `FleetApi` over HTTP. Concurrent identical reads share one request (several cards ask at once). */
export class FleetClient implements FleetApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listClusters(): Promise<ClusterListResponse> {
    return this.get<ClusterListResponse>('/clusters');
  }

  listClusterPage(query: FleetListQuery): Promise<ClusterPageResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    // Some parameter is always sent, so the answer is always a page with its counts.
    if (!params.has('offset')) params.set('offset', '0');
    return this.get<ClusterPageResponse>(withQuery('/clusters', params));
  }

  listInventory(): Promise<ClusterInventoryResponse> {
    return this.get<ClusterInventoryResponse>('/inventory');
  }

  getCluster(ref: ClusterRef): Promise<ClusterDetail> {
    return this.get<ClusterDetail>(clusterPath(ref));
  }

  getHistory(
    ref: ClusterRef,
    query: HistoryQuery = {},
  ): Promise<HistoryResponse> {
    const params = new URLSearchParams();
    if (query.from) params.set('from', query.from);
    if (query.to) params.set('to', query.to);
    if (query.node) params.set('node', query.node);
    if (query.kinds && query.kinds.length > 0) {
      params.set('kind', query.kinds.join(','));
    }
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    return this.get<HistoryResponse>(
      withQuery(`${clusterPath(ref)}/history`, params),
    );
  }

  getStateAt(ref: ClusterRef, at: string): Promise<ClusterStateAt> {
    return this.get<ClusterStateAt>(
      withQuery(`${clusterPath(ref)}/state`, new URLSearchParams({ at })),
    );
  }

  listRequests(query: RequestsQuery = {}): Promise<GitopsRequestListResponse> {
    const params = new URLSearchParams();
    if (query.cluster) params.set('cluster', query.cluster);
    if (query.state) params.set('state', query.state);
    if (query.mine) params.set('mine', 'true');
    return this.get<GitopsRequestListResponse>(withQuery('/requests', params));
  }

  mergeRequest(branch: string): Promise<MergeRequestResponse> {
    const body: MergeRequestBody = { branch };
    return this.request<MergeRequestResponse>('/requests/merge', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  listManagementClusters(): Promise<ManagementClusterListResponse> {
    return this.get<ManagementClusterListResponse>('/management');
  }

  listNamespaces(management: string): Promise<NamespaceListResponse> {
    return this.get<NamespaceListResponse>(
      `/management/${encodeURIComponent(management)}/namespaces`,
    );
  }

  listClusterTemplates(
    management: string,
    namespace: string,
  ): Promise<ClusterTemplateListResponse> {
    return this.get<ClusterTemplateListResponse>(
      `${namespacePath(management, namespace)}/cluster-templates`,
    );
  }

  listCredentials(
    management: string,
    namespace: string,
  ): Promise<CredentialListResponse> {
    return this.get<CredentialListResponse>(
      `${namespacePath(management, namespace)}/credentials`,
    );
  }

  private get<T>(path: string): Promise<T> {
    const pending = this.inFlight.get(path);
    if (pending) return pending as Promise<T>;
    const request = this.request<T>(path).finally(() =>
      this.inFlight.delete(path),
    );
    this.inFlight.set(path, request);
    return request;
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('fleet');
    const url = `${baseUrl}${path}`;
    const response = await (init
      ? this.fetchApi.fetch(url, init)
      : this.fetchApi.fetch(url));
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function clusterPath(ref: ClusterRef): string {
  const parts = [ref.management, ref.namespace, ref.name].map(
    encodeURIComponent,
  );
  return `/clusters/${parts.join('/')}`;
}

function namespacePath(management: string, namespace: string): string {
  return `/management/${encodeURIComponent(
    management,
  )}/namespaces/${encodeURIComponent(namespace)}`;
}

function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
