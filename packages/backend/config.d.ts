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
    };
  };
}
