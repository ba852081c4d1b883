import { HumanDuration } from '@backstage/types';

/** How the backend reaches one Kubernetes API server. Exactly one way per entry. */
interface ApiServerConnection {
  /** Unique id, used in cluster ids and URLs (`/clusters/<id>/<namespace>/<name>`). */
  id: string;
  /** API server URL, with `serviceAccountToken` or `serviceAccountTokenFile`. */
  url?: string;
  /** PEM CA bundle of the API server, base64-encoded (as in a kubeconfig). */
  caData?: string;
  /** Path to a PEM CA file. */
  caFile?: string;
  /**
   * Service-account token. Provide it from the environment, e.g. `${FLEET_MGMT_TOKEN}`.
   * @visibility secret
   */
  serviceAccountToken?: string;
  /** Path to a file holding the token (re-read on every refresh, so rotation works). */
  serviceAccountTokenFile?: string;
  /** Path to a kubeconfig file, as an alternative to url + token. */
  kubeconfigFile?: string;
  /** Context of `kubeconfigFile` to use; its current context when omitted. */
  kubeconfigContext?: string;
  /** Use the pod's service account (the backend runs in this cluster). */
  inCluster?: boolean;
  /** Only read these namespaces; all namespaces when omitted. */
  namespaces?: string[];
  /**
   * Management clusters: where Flux's Kustomizations and GitRepositories are read, to show which
   * revision each cluster's ClusterDeployment was applied from. Default `[flux-system]`.
   */
  fluxNamespaces?: string[];
}

export interface Config {
  fleet?: {
    /**
     * The k0rdent management clusters whose ClusterDeployments make up the fleet. When none is
     * configured, the backend app may register the built-in demo fleet.
     */
    managementClusters?: Array<
      ApiServerConnection & {
        /** Catalog owner for clusters without a `fleetportal.io/owner` annotation. */
        defaultOwner?: string;
        /**
         * Where k0rdent keeps the kubeconfig Secrets its Regions name (`Region.spec.kubeConfig`).
         * A ClusterDeployment with `status.region` is read through its Region's cluster, which
         * holds its `<name>-kubeconfig` Secret. Default `kcm-system`.
         */
        systemNamespace?: string;
      }
    >;
    /** The clusters where bindy runs and its DNSZone / record objects live. */
    dnsClusters?: ApiServerConnection[];
    /**
     * Which DNS records belong to which cluster, tried in order: the first rule that gives a
     * record to a cluster decides; one that gives it to several reports it to each and lists it
     * under none. `label`: the record's label with this key holds the ClusterDeployment's name.
     * `fqdnSuffixFrom`: the ClusterDeployment's label or annotation with this key holds a DNS
     * suffix, and records whose FQDN ends with it are the cluster's (the longest suffix wins).
     * Default: `[{ label: fleetportal.io/cluster }]`, what Fleet Portal's own manifests carry.
     */
    dnsOwnership?: Array<{ label?: string; fqdnSuffixFrom?: string }>;
    refresh?: {
      /** How often the fleet is read. Default 60 seconds. */
      frequency?: HumanDuration;
      /** How long one cluster may take before it is reported as timed out. Default 10 seconds. */
      clusterTimeout?: HumanDuration;
      /**
       * Longest a whole refresh may run. A replica that stops mid-refresh holds the refresh until
       * this expires, then another replica takes over. Default 10 minutes.
       */
      timeout?: HumanDuration;
      /** How many clusters are read at once. Default 16. */
      concurrency?: number;
      /** Items per list request; larger lists are paged with continue tokens. Default 250. */
      pageSize?: number;
      /**
       * Read the fleet in a worker thread at a lower CPU priority, so a refresh does not slow
       * the API down. Default true; false reads in the thread that serves requests.
       */
      workerThread?: boolean;
      /**
       * `poll` (default) re-reads the whole fleet every `frequency`. `watch` holds it with
       * list + watch per resource per cluster, the way controllers do: a change is stored within
       * `watch.debounce` of being seen, an idle fleet costs next to nothing, and a server that
       * refuses to watch is listed every `watch.pollInterval` instead. With several replicas, one
       * holds the watches (a lease in the plugin's database); another takes over when it stops.
       */
      mode?: 'poll' | 'watch';
      watch?: {
        /** How long a replica's hold on the watches lasts unless renewed. Default 15 seconds. */
        lease?: HumanDuration;
        /** Resources that cannot be watched are listed this often. Default 60 seconds. */
        pollInterval?: HumanDuration;
        /** Changes within this time are stored together. Default 100 milliseconds. */
        debounce?: HumanDuration;
        /** Every cluster is derived again this often, changed or not. Default 10 minutes. */
        resyncInterval?: HumanDuration;
        /** More objects of one resource in one cluster is reported, none kept. Default 20000. */
        maxObjects?: number;
        /** A larger watch event ends the watch with a reason. Default 4194304 (4 MiB). */
        maxEventBytes?: number;
        /** An event begun but unfinished this long ends the watch. Default 30 seconds. */
        eventTimeout?: HumanDuration;
        /** A watch silent this long is opened again. Default 5 minutes. */
        idleTimeout?: HumanDuration;
        /** First wait after a failure; doubles up to `maxBackoff`, jittered. Default 1 second. */
        initialBackoff?: HumanDuration;
        /** Longest wait between retries. Default 60 seconds. */
        maxBackoff?: HumanDuration;
      };
    };
    history?: {
      /** How long observed changes are kept; older ones are pruned every 6 hours. Default 365 days. */
      retention?: HumanDuration;
    };
    catalog?: {
      /** Ingest clusters, VMs and DNS zones into the catalog. Default true. */
      enabled?: boolean;
      /** How often the entity provider re-reads the fleet. Default 30 seconds. */
      frequency?: HumanDuration;
      /** Owner of clusters whose ClusterDeployment and management cluster name none. */
      defaultOwner?: string;
      /**
       * For the core Kubernetes plugin's catalog cluster locator: the auth provider each cluster
       * entity names (`kubernetes.io/auth-provider`). Without it they name none and that locator
       * skips them. No credential is ever written to an entity, so `serviceAccount` is refused.
       */
      kubernetes?: {
        /** e.g. `oidc`, `aks`, `google`, `aws`. */
        authProvider: string;
        /** With `oidc`: the sign-in provider whose id token is forwarded, e.g. `okta`. */
        oidcTokenProvider?: string;
      };
    };
  };
}
