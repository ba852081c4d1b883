import { WarningPanel } from '@backstage/core-components';
import { SourceStatus } from '@fleet-portal/plugin-fleet-common';
import { relativeTime } from '../../lib/time';

/** Configured management and DNS clusters whose last read failed. */
export function SourceFailures(props: { sources?: SourceStatus[] }) {
  const failed = (props.sources ?? []).filter(source => source.failure);
  if (failed.length === 0) return null;
  return (
    <WarningPanel
      severity="warning"
      title={`${failed.length} fleet source${
        failed.length === 1 ? '' : 's'
      } could not be read; the data shown from ${
        failed.length === 1 ? 'it' : 'them'
      } may be stale`}
      defaultExpanded
    >
      <ul data-testid="fleet-source-failures">
        {failed.map(source => (
          <li key={source.id}>
            {source.id} ({source.scope}): {source.failure!.reason} during{' '}
            {source.failure!.during}: {source.failure!.message}; last read{' '}
            {relativeTime(source.lastSuccessAt)}
          </li>
        ))}
      </ul>
    </WarningPanel>
  );
}
