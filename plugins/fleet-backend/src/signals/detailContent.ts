/**
 * When each figure and each read attempt was made: these move at every refresh, even when
 * nothing in the fleet did, so they are left out when telling whether a cluster changed.
 */
const READ_TIMES =
  /"(readAt|lastAttemptAt|lastSuccessAt|at)":"\d{4}-\d\d-\d\dT[^"]*"/g;

/**
 * A cluster's stored detail JSON without its read times: two reads of a cluster that did not
 * change give the same text. (`lastSuccessAt` disappearing is still seen: `stale` flips with it.)
 */
export function detailContent(detailJson: string): string {
  return detailJson.replace(READ_TIMES, '"$1":""');
}

/** Whether a cluster's stored detail differs from the one before, read times aside. */
export function detailChanged(
  previousJson: string | undefined,
  nextJson: string,
): boolean {
  if (previousJson === undefined) return true;
  if (previousJson === nextJson) return false;
  return detailContent(previousJson) !== detailContent(nextJson);
}
