import { parseEntityRef } from '@backstage/catalog-model';
import {
  FLEET_ANNOTATIONS,
  FLEET_LABELS,
  MANAGED_BY_VALUE,
} from '@internal/plugin-fleet-common';
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
export function requestInfo(templateEntityRef?: string, userEntityRef?: string): RequestInfo {
  return {
    templateLabel: sanitizeLabelValue(entityName(templateEntityRef) ?? UNKNOWN),
    requesterLabel: sanitizeLabelValue(userEntityRef ?? UNKNOWN),
    requesterRef: userEntityRef && userEntityRef.length > 0 ? userEntityRef : UNKNOWN,
  };
}

/** Metadata with the labels and annotations every Fleet Portal object carries. */
export function objectMeta(
  request: RequestInfo,
  name: string,
  namespace: string,
  extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {},
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
