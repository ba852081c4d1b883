import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import {
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  TabbedLayout,
  WarningPanel,
} from '@backstage/core-components';
import {
  ClusterListResponse,
  fleetFilterValues,
} from '@internal/plugin-fleet-common';
import { FLEET_READ_PERMISSION_NAME } from '../../constants';
import { isPermissionDenied } from '../../lib/errors';
import {
  filterClusters,
  fleetFilterOptions,
  summarizeFleet,
} from '../../lib/fleet';
import { toFleetRow } from '../../lib/fleetRows';
import { LiveIndicator } from '../shared/LiveIndicator';
import { FleetFiltersBar } from './FleetFiltersBar';
import { FleetRequests } from './FleetRequests';
import { FleetSummaryStrip } from './FleetSummaryStrip';
import { FleetTable } from './FleetTable';
import { SourceFailures } from './SourceFailures';
import { useFleetClusters } from './useFleetClusters';
import { useFleetFilters } from './useFleetFilters';

/**
 * The `/fleet` page: every cluster, filterable, with a summary of the fleet; and at
 * `/fleet/requests` the templates' open requests.
 */
export function FleetPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Fleet"
        subtitle="k0rdent clusters, Kairos nodes and bindy DNS records"
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Clusters">
          <FleetContent />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/requests" title="Requests">
          <FleetRequests />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}

function FleetContent() {
  const { loading, error, value } = useFleetClusters();
  if (error) {
    return isPermissionDenied(error) ? (
      <WarningPanel
        severity="warning"
        title="Permission denied"
        message={`You lack the ${FLEET_READ_PERMISSION_NAME} permission needed to read the fleet.`}
      />
    ) : (
      <ResponseErrorPanel error={error} />
    );
  }
  // A read after a signalled change keeps the list shown (useFleetClusters): no progress then.
  if (loading || !value) return <Progress />;
  return <FleetOverview response={value} />;
}

function FleetOverview(props: { response: ClusterListResponse }) {
  const clusters = useMemo(() => props.response.items ?? [], [props.response]);
  const [filters, setFilters] = useFleetFilters();
  const counts = useMemo(() => summarizeFleet(clusters), [clusters]);
  const options = useMemo(
    () => fleetFilterOptions(fleetFilterValues(clusters)),
    [clusters],
  );
  const rows = useMemo(
    () => filterClusters(clusters, filters).map(toFleetRow),
    [clusters, filters],
  );
  return (
    <>
      <Box display="flex" justifyContent="flex-end" mb={1}>
        <LiveIndicator />
      </Box>
      <SourceFailures sources={props.response.sources} />
      <FleetSummaryStrip counts={counts} />
      <FleetFiltersBar
        filters={filters}
        options={options}
        onChange={setFilters}
      />
      <FleetTable rows={rows} total={clusters.length} />
    </>
  );
}
