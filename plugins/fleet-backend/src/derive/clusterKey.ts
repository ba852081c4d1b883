/** `<namespace>/<name>`: how a cluster's objects are found in the management cluster's lists. */
export function clusterKey(
  namespace: string | undefined,
  name: string | undefined,
): string {
  return `${namespace ?? ''}/${name ?? ''}`;
}
