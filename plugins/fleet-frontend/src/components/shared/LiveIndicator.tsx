import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import FiberManualRecordIcon from '@material-ui/icons/FiberManualRecord';
import { useFleetChanges } from '../../hooks/useFleetChanges';
import { absoluteTime } from '../../lib/time';

const pad = (n: number) => String(n).padStart(2, '0');

/** `14:03:27`, in the browser's time zone. */
function clockTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * Whether the page updates by itself: "Live" (and when the last change heard of was stored)
 * while the fleet backend's signals reach it, "Not live" when this app has no signals.
 */
export function LiveIndicator() {
  const { live, lastChangeAt } = useFleetChanges();
  const title = live
    ? `Updates by itself when the fleet backend stores a change${
        lastChangeAt
          ? `; the last was stored at ${absoluteTime(lastChangeAt)}`
          : ''
      }`
    : 'This app receives no signals: reload the page to see changes';
  return (
    <Tooltip title={title}>
      <Box
        display="inline-flex"
        alignItems="center"
        data-testid="fleet-live"
        data-live={live ? 'true' : 'false'}
      >
        <FiberManualRecordIcon
          style={{ fontSize: 10, marginRight: 4 }}
          color={live ? 'primary' : 'disabled'}
        />
        <Typography variant="caption" color="textSecondary" component="span">
          {live ? 'Live' : 'Not live'}
          {live && lastChangeAt && (
            <>
              {' · last change '}
              <time dateTime={lastChangeAt} data-testid="fleet-last-change">
                {clockTime(lastChangeAt)}
              </time>
            </>
          )}
        </Typography>
      </Box>
    </Tooltip>
  );
}
