/** A Kubernetes object as the builders produce it: plain JSON, no undefined values. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
}

/** Who asked for a manifest and through which template; stamped on every object. */
export interface RequestInfo {
  /** Template entity name, sanitised to a label value. */
  templateLabel: string;
  /** Requester entity ref, sanitised to a label value. */
  requesterLabel: string;
  /** The requester's full entity ref (annotation), or `unknown`. */
  requesterRef: string;
}

/** A file the action wants in the GitOps repo and the objects it holds. */
export interface ManifestFile {
  path: string;
  objects: KubeObject[];
}
