export interface Config {
  fleet?: {
    /** The simulated demo fleet started when no management cluster is configured. */
    demo?: {
      /** Set to false to start with an empty fleet instead. Default true. */
      enabled?: boolean;
      /** Number of simulated clusters. Default 12. */
      clusters?: number;
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
