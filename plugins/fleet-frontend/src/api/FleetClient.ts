import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ClusterDetail,
  ClusterListResponse,
  ClusterRef,
} from '@internal/plugin-fleet-common';
import { FleetApi } from './FleetApi';

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

  getCluster(ref: ClusterRef): Promise<ClusterDetail> {
    const path = [ref.management, ref.namespace, ref.name]
      .map(encodeURIComponent)
      .join('/');
    return this.get<ClusterDetail>(`/clusters/${path}`);
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

  private async request<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('fleet');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
