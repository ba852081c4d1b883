import { parseEntityRef } from '@backstage/catalog-model';
import {
  FLEET_ANNOTATIONS,
  FLEET_LABELS,
  MANAGED_BY_VALUE,
} from '@fleet-portal/plugin-fleet-common';
import { sanitizeLabelValue } from '../validation/names';
import { ObjectMeta, RequestInfo } from './types';

const UNKNOWN = 'unknown';

function entityName(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/** Derives the request stamp from the scaffolder's template ref and user ref. */
export function requestInfo(
  templateRef?: string,
  userEntityRef?: string,
): RequestInfo {
  return {
    templateLabel: sanitizeLabelValue(entityName(templateRef) ?? UNKNOWN),
    requesterLabel: sanitizeLabelValue(userEntityRef ?? UNKNOWN),
    requesterRef:
      userEntityRef && userEntityRef.length > 0 ? userEntityRef : UNKNOWN,
  };
}

/** Metadata with the labels and annotations every Fleet Portal object carries. */
export function objectMeta(
  request: RequestInfo,
  name: string,
  namespace: string,
  extra: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  } = {},
): ObjectMeta {
  return {
    name,
    namespace,
    labels: {
      ...extra.labels,
      [FLEET_LABELS.managedBy]: MANAGED_BY_VALUE,
      [FLEET_LABELS.template]: request.templateLabel,
      [FLEET_LABELS.requester]: request.requesterLabel,
    },
    annotations: {
      ...extra.annotations,
      [FLEET_ANNOTATIONS.requester]: request.requesterRef,
    },
  };
}

/**
 * The template's entity ref, from its metadata when the scaffolder passes it: the dry-run API
 * names every template `template:default/dry-run`, while the metadata keeps the real name.
 */
export function templateEntityRef(templateInfo?: {
  entityRef?: string;
  entity?: { metadata?: { name?: string; namespace?: string } };
}): string | undefined {
  const metadata = templateInfo?.entity?.metadata;
  if (metadata?.name)
    return `template:${metadata.namespace ?? 'default'}/${metadata.name}`;
  return templateInfo?.entityRef;
}
