export interface Config {
  fleet?: {
    /** Where Fleet Portal templates publish the manifests they write. */
    gitops?: {
      /**
       * Local Git repository used when no GitHub repository is configured or the GitHub
       * integration has no token. Created on first use. Relative paths are resolved against the
       * backend's working directory. Default `.fleet-portal/gitops-repo`.
       */
      localRepository?: string;
      /** Branch Flux reconciles; checkouts start from it and requests target it. Default `main`. */
      defaultBranch?: string;
      /**
       * The URL the repository's Flux GitRepository (`flux-system/sync.yaml`, written in a new
       * repository's first commit) fetches: http(s) or ssh. Default: the GitHub repository's clone
       * URL when `github.repoUrl` is set, else a placeholder to replace before Flux syncs it.
       */
      fluxSourceUrl?: string;
      github?: {
        /** `github.com?owner=<owner>&repo=<repo>`: templates open pull requests here. */
        repoUrl: string;
        /** GitHub users asked to review every pull request. */
        reviewers?: string[];
        /** GitHub teams (slugs) asked to review every pull request. */
        teamReviewers?: string[];
      };
    };
  };
}
