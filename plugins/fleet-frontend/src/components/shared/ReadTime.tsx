import Tooltip from '@material-ui/core/Tooltip';
import { absoluteTime, relativeTime } from '../../lib/time';

/** A time shown relative to now, with the absolute time on hover. */
export function ReadTime(props: { iso?: string }) {
  if (!props.iso) return <span>never</span>;
  return (
    <Tooltip title={absoluteTime(props.iso)}>
      <time dateTime={props.iso}>{relativeTime(props.iso)}</time>
    </Tooltip>
  );
}
