import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import {
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { FLEET_READ_PERMISSION_NAME } from '../../constants';
import { isPermissionDenied } from '../../lib/errors';
import { fleetFilterOptions } from '../../lib/fleet';
import { toFleetRow } from '../../lib/fleetRows';
import { LiveIndicator } from '../shared/LiveIndicator';
import { FleetFiltersBar } from './FleetFiltersBar';
import { FleetSummaryStrip } from './FleetSummaryStrip';
import { FleetTable } from './FleetTable';
import { SourceFailures } from './SourceFailures';
import { useFleetFilters } from './useFleetFilters';
import { useFleetPage } from './useFleetPage';

function FleetReadError(props: { error: Error }) {
  return isPermissionDenied(props.error) ? (
    <WarningPanel
      severity="warning"
      title="Permission denied"
      message={`You lack the ${FLEET_READ_PERMISSION_NAME} permission needed to read the fleet.`}
    />
  ) : (
    <ResponseErrorPanel error={props.error} />
  );
}

/**
 * The fleet page's Clusters tab: the summary of the whole fleet, the filters (kept in the URL)
 * and one page of the table, all as the server counted, filtered and paged them. The page shown
 * stays while the next one loads, dimmed, and when a read fails.
 */
export function FleetClusters() {
  const [filters, setFilters] = useFleetFilters();
  const { response, error, loading, table, setTable } = useFleetPage(filters);
  const options = useMemo(
    () =>
      fleetFilterOptions(
        response?.filterValues ?? { k0sVersions: [], imageDigests: [] },
      ),
    [response],
  );
  const rows = useMemo(
    () => (response?.items ?? []).map(toFleetRow),
    [response],
  );
  if (!response) {
    return error ? <FleetReadError error={error} /> : <Progress />;
  }
  return (
    <>
      <Box display="flex" justifyContent="flex-end" mb={1}>
        <LiveIndicator />
      </Box>
      {error && <FleetReadError error={error} />}
      <SourceFailures sources={response.sources} />
      <FleetSummaryStrip counts={response.counts} />
      <FleetFiltersBar
        filters={filters}
        options={options}
        onChange={setFilters}
      />
      <Box
        data-testid="fleet-table"
        aria-busy={loading}
        style={{ opacity: loading ? 0.6 : 1, transition: 'opacity 0.2s' }}
      >
        <FleetTable
          rows={rows}
          total={response.total}
          fleetSize={response.counts.clusters}
          table={table}
          onChange={setTable}
        />
      </Box>
    </>
  );
}
