/**
 * Marks a card whose table needs the whole width: the cluster overview's grid gives its cell
 * both columns (`ClusterOverviewLayout`).
 */
export function WideCardMarker() {
  return <span hidden data-fleet-wide-card="" />;
}
