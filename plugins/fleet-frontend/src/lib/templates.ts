import { ClusterRef } from '@fleet-portal/plugin-fleet-common';
import { Day2Template, TEMPLATE_NAMESPACE } from '../constants';

/** Link to a day-2 scaffolder template with the cluster (name, namespace, management cluster) pre-filled. */
export function day2TemplateUrl(
  template: Day2Template,
  ref: ClusterRef,
): string {
  const formData = JSON.stringify({
    cluster: ref.name,
    namespace: ref.namespace,
    management: ref.management,
  });
  return `/create/templates/${TEMPLATE_NAMESPACE}/${template}?formData=${encodeURIComponent(
    formData,
  )}`;
}
