import Tooltip from '@material-ui/core/Tooltip';
import { HistoryKind } from '@fleet-portal/plugin-fleet-common';
import { displayHistoryValue } from '../../lib/history';

/** A recorded value, image digests shortened with the full reference on hover. */
export function HistoryValue(props: { kind: HistoryKind; value?: string }) {
  const shown = displayHistoryValue(props.kind, props.value);
  if (!shown.full) return <span>{shown.text}</span>;
  return (
    <Tooltip title={shown.full}>
      <span>{shown.text}</span>
    </Tooltip>
  );
}
