import { fieldError, fieldPath } from './fieldError';
import { requireString } from './primitives';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;

export function isDnsLabel(text: string): boolean {
  return text.length <= 63 && DNS_LABEL.test(text);
}

export function isDnsSubdomain(text: string): boolean {
  return (
    text.length <= 253 && text.split('.').every(part => DNS_LABEL.test(part))
  );
}

/**
 * An RFC 1123 label: what Kubernetes requires of namespaces, and what VirtRigaud's references
 * (`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`) require of VM, image, class and provider names.
 */
export function requireDnsLabel(
  value: unknown,
  field: string,
  maxLength = 63,
): string {
  const text = requireString(value, field);
  if (text.length === 0 || text.length > maxLength) {
    throw fieldError(field, `must be 1 to ${maxLength} characters`);
  }
  if (!DNS_LABEL.test(text)) {
    throw fieldError(
      field,
      'must be an RFC 1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit',
    );
  }
  return text;
}

/** An RFC 1123 subdomain (object names such as ClusterDeployments, Credentials, Secrets). */
export function requireDnsSubdomain(value: unknown, field: string): string {
  const text = requireString(value, field);
  if (text.length === 0 || text.length > 253)
    throw fieldError(field, 'must be 1 to 253 characters');
  if (!isDnsSubdomain(text)) {
    throw fieldError(
      field,
      'must be an RFC 1123 subdomain: lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit',
    );
  }
  return text;
}

export function requireNamespace(value: unknown, field = 'namespace'): string {
  return requireDnsLabel(value, field, 63);
}

/** A Kubernetes label value: empty, or ≤ 63 of `[A-Za-z0-9-_.]` starting and ending alphanumeric. */
export function isLabelValue(text: string): boolean {
  return text === '' || (text.length <= 63 && LABEL_NAME.test(text));
}

/** A Kubernetes label key: `[prefix/]name`, prefix a DNS subdomain, name like a label value. */
export function isLabelKey(text: string): boolean {
  const slash = text.lastIndexOf('/');
  const prefix = slash === -1 ? undefined : text.slice(0, slash);
  const name = slash === -1 ? text : text.slice(slash + 1);
  if (prefix !== undefined && (prefix.length === 0 || !isDnsSubdomain(prefix)))
    return false;
  return name.length > 0 && name.length <= 63 && LABEL_NAME.test(name);
}

export function requireLabels(
  value: unknown,
  field: string,
): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw fieldError(field, 'must be an object of label keys to values');
  }
  const labels: Record<string, string> = {};
  for (const [key, labelValue] of Object.entries(value)) {
    if (!isLabelKey(key)) {
      throw fieldError(
        fieldPath(field, key.slice(0, 80)),
        'must be a Kubernetes label key: an optional DNS-subdomain prefix and "/", then 1 to 63 of [A-Za-z0-9-_.]',
      );
    }
    if (typeof labelValue !== 'string' || !isLabelValue(labelValue)) {
      throw fieldError(
        fieldPath(field, key),
        'must be a Kubernetes label value: at most 63 of [A-Za-z0-9-_.], starting and ending with a letter or digit',
      );
    }
    labels[key] = labelValue;
  }
  return labels;
}

/** Turns any text into a valid label value (invalid characters become "-"); never empty. */
export function sanitizeLabelValue(text: string, fallback = 'unknown'): string {
  const replaced = text.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 63);
  const trimmed = replaced
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/[^A-Za-z0-9]+$/, '');
  return trimmed.length > 0 ? trimmed : fallback;
}
