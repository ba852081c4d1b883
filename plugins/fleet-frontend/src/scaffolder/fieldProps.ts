import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { NamedCluster } from './options';

/** The props every fleet-fed field receives: a string value and its own ui:options. */
export type FleetFieldProps<TUiOptions> = FieldExtensionComponentProps<
  string,
  TUiOptions
>;

/** Options every fleet field understands for finding the cluster the form is about. */
export interface ClusterFieldOptions {
  /** The form field holding the cluster name. */
  clusterField?: string;
  /** The form field holding the cluster's namespace, to tell apart same-named clusters. */
  namespaceField?: string;
  /** The form field holding the cluster's management cluster (default "management"). */
  managementField?: string;
}

/** The whole form's data: the scaffolder passes it in `formContext.formData`. */
export function otherFormValue(
  props: { formContext?: { formData?: Record<string, unknown> } },
  field: string | undefined,
): string | undefined {
  if (!field) return undefined;
  const value = props.formContext?.formData?.[field];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The cluster another field of the form names, if any. */
export function namedCluster(
  props: { formContext?: { formData?: Record<string, unknown> } },
  options: ClusterFieldOptions | undefined,
  defaultClusterField: string | undefined,
): NamedCluster | undefined {
  const name = otherFormValue(
    props,
    options?.clusterField ?? defaultClusterField,
  );
  if (!name) return undefined;
  return {
    name,
    namespace: otherFormValue(props, options?.namespaceField ?? 'namespace'),
    management: otherFormValue(props, options?.managementField ?? 'management'),
  };
}
