import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';

/** The badge browser tests look for: text "Drift", with what drifted on hover. */
export function DriftBadge(props: { reasons: string[] }) {
  const badge = (
    <Chip
      size="small"
      color="secondary"
      label="Drift"
      data-testid="fleet-drift-badge"
    />
  );
  if (props.reasons.length === 0) return badge;
  return (
    <Tooltip
      title={
        <>
          {props.reasons.map(reason => (
            <div key={reason}>{reason}</div>
          ))}
        </>
      }
    >
      {badge}
    </Tooltip>
  );
}
