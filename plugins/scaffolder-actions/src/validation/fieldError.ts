import { InputError } from '@backstage/errors';

/** An InputError whose message names the field and the rule it broke: `records[2].ttl: must be …`. */
export function fieldError(field: string, rule: string): InputError {
  return new InputError(`${field}: ${rule}`);
}

/** `parent.child`, `parent[3]`, or `parent["odd key"]` for keys that are not plain identifiers. */
export function fieldPath(parent: string, child: string | number): string {
  if (typeof child === 'number') return `${parent}[${child}]`;
  if (!/^[A-Za-z_][\w-]*$/.test(child))
    return `${parent}[${JSON.stringify(child)}]`;
  return parent ? `${parent}.${child}` : child;
}
