/** A Kubernetes status condition, as every simulated controller writes them. */
export function condition(
  type: string,
  status: 'True' | 'False' | 'Unknown',
  reason: string,
  message: string,
  at: string,
) {
  return { type, status, reason, message, lastTransitionTime: at };
}
