import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type { ResourceWatchStatus } from '@fleet-portal/plugin-fleet-common';

const PHASE_TEXT: Record<ResourceWatchStatus['phase'], string> = {
  watching: 'watched',
  listing: 'being listed again',
  polling: 'listed at intervals instead of watched',
  failed: 'not readable now; the last objects read are shown',
};

/** A CRD the cluster does not serve is polled for, and that is no trouble worth showing. */
const worthShowing = (w: ResourceWatchStatus) =>
  w.phase !== 'watching' &&
  !(w.phase === 'polling' && w.reason === 'not-installed');

/** Whether any resource of the cluster is not watched as it should be (shown as a list). */
export const watchTrouble = (watch?: ResourceWatchStatus[]) =>
  (watch ?? []).some(worthShowing);

/**
 * How the backend keeps this cluster current when it watches the fleet: "watched" when every
 * resource is, otherwise which resource is polled or failing, and why.
 */
export function WatchStateNote(props: { watch?: ResourceWatchStatus[] }) {
  const watch = props.watch ?? [];
  if (watch.length === 0) return null;
  const trouble = watch.filter(worthShowing);
  if (trouble.length === 0)
    return (
      <Tooltip title="Changes in this cluster reach this page as they happen (list and watch)">
        <span data-testid="fleet-watch-state" data-phase="watching">
          {' '}
          · watched
        </span>
      </Tooltip>
    );
  return (
    <Box
      component="ul"
      m={0}
      pl={2}
      data-testid="fleet-watch-state"
      data-phase="degraded"
    >
      {trouble.map(w => (
        <Typography
          key={w.resource}
          component="li"
          variant="caption"
          color="textSecondary"
        >
          {w.resource}: {PHASE_TEXT[w.phase]}
          {w.message ? ` (${w.message})` : ''}
        </Typography>
      ))}
    </Box>
  );
}
