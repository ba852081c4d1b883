import type { KubeObject } from '../types';

function keyOf(scope: string, object: KubeObject): string {
  return `${scope}|${object.apiVersion}|${object.kind}|${
    object.metadata.namespace ?? ''
  }|${object.metadata.name}`;
}

/** What a controller reacts to: the spec (its generation) and the labels (selectors read them). */
function fingerprint(object: KubeObject): string {
  return `${object.metadata.generation ?? 0}|${JSON.stringify(
    object.metadata.labels ?? {},
  )}`;
}

/**
 * What the simulated controllers have acted on: the generation and labels of each object when
 * they last finished with it. Taken first from the generated fleet, so the drift and failure scenarios it
 * was made to show stay as they are until Git changes the object.
 */
export class ObservedGenerations {
  private readonly seen = new Map<string, string>();

  remember(scope: string, objects: Iterable<KubeObject>): void {
    for (const object of objects) this.done(scope, object);
  }

  /** New since start, or its spec or labels changed since the controllers finished with it. */
  pending(scope: string, object: KubeObject): boolean {
    return this.seen.get(keyOf(scope, object)) !== fingerprint(object);
  }

  done(scope: string, object: KubeObject): void {
    this.seen.set(keyOf(scope, object), fingerprint(object));
  }

  forget(scope: string, object: KubeObject): void {
    this.seen.delete(keyOf(scope, object));
  }
}
