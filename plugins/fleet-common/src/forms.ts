/** What the fleet backend's form routes answer: k0rdent objects of one management namespace. */

/** A k0rdent ClusterTemplate as a form offers it. */
export interface FormClusterTemplate {
  name: string;
  description?: string;
  chartVersion?: string;
  k8sVersion?: string;
  /** `status.valid`: k0rdent accepted the template; an invalid one cannot be deployed. */
  valid: boolean;
  validationError?: string;
  /** ClusterTemplate names the namespace's ClusterTemplateChains allow upgrading to. */
  availableUpgrades: string[];
  /** True when `status.schemaConfigMapName` names the chart's values schema. */
  hasSchema: boolean;
}

export interface ClusterTemplateListResponse {
  management: string;
  namespace: string;
  items: FormClusterTemplate[];
}

/** The live values JSON schema of a ClusterTemplate, read from its schema ConfigMap. */
export interface ClusterTemplateSchemaResponse {
  management: string;
  namespace: string;
  template: string;
  /** `<namespace>/<ConfigMap name>`: where the schema was read. */
  source: string;
  schema: Record<string, unknown>;
}

/** A k0rdent Credential as a form offers it (never its identity's secret). */
export interface FormCredential {
  name: string;
  description?: string;
  /** `status.ready` */
  ready: boolean;
  /** Why it is not ready: the message of its false condition, when there is one. */
  notReadyReason?: string;
}

export interface CredentialListResponse {
  management: string;
  namespace: string;
  items: FormCredential[];
}

/** The management clusters the fleet backend is configured with. */
export interface ManagementClusterListResponse {
  items: Array<{
    id: string;
    /** Only these namespaces are read; all when absent. */
    namespaces?: string[];
  }>;
}

/** A management namespace that holds ClusterTemplates: where a new cluster can go. */
export interface FormNamespace {
  name: string;
  clusterTemplates: number;
  /** How many of them k0rdent accepted (`status.valid`). */
  validClusterTemplates: number;
}

export interface NamespaceListResponse {
  management: string;
  items: FormNamespace[];
}
