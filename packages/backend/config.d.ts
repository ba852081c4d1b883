export interface Config {
  fleet?: {
    /** The simulated demo fleet started when no management cluster is configured. */
    demo?: {
      /** Set to false to start with an empty fleet instead. Default true. */
      enabled?: boolean;
      /** Number of simulated clusters. Default 12. */
      clusters?: number;
      /**
       * How many of them were written before Fleet Portal existed: VMs with only Cluster API's
       * label or an owner reference, named unlike their nodes, and DNS records tied to the cluster
       * by an FQDN suffix in its `platform.example.com/dns-suffix` annotation (add a
       * `fleet.dnsOwnership` rule for it). Default 0.
       */
      brownfieldClusters?: number;
      /**
       * How many are deployed through a k0rdent Region (their kubeconfig Secret lives in the
       * regional cluster); one more healthy cluster is onboarded as a Region. Default 0.
       */
      regionalClusters?: number;
      /** Latency added to every simulated API call, in milliseconds. Default 0. */
      latencyMs?: number;
      /**
       * How often the simulated Flux looks at the local GitOps repository's default branch and
       * applies it when it moved, in milliseconds. Default 2000.
       */
      fluxIntervalMs?: number;
      /**
       * How long each step of the simulated controllers takes (one node of a k0s rollout, one
       * machine added or drained, a VM booted, a record pushed), in milliseconds. Default 1500.
       */
      convergenceStepMs?: number;
    };
  };
}
