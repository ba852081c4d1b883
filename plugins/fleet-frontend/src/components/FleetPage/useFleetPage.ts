import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  ClusterPageResponse,
  FleetFilters,
  FleetListQuery,
  fleetListQueryOf,
  FleetSortColumn,
} from '@fleet-portal/plugin-fleet-common';
import { fleetApiRef } from '../../api';
import { useFleetChanges } from '../../hooks/useFleetChanges';

export const FLEET_PAGE_SIZES = [20, 50, 100];

/** What the table asks for besides the page's filters: its search, sort and page. */
export interface FleetTableState {
  search: string;
  sort?: FleetSortColumn;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const FIRST_PAGE: FleetTableState = {
  search: '',
  order: 'asc',
  page: 0,
  pageSize: FLEET_PAGE_SIZES[0],
};

export function fleetPageQuery(
  filters: FleetFilters,
  table: FleetTableState,
): FleetListQuery {
  return {
    ...fleetListQueryOf(filters),
    ...(table.search.trim() ? { q: table.search.trim() } : {}),
    ...(table.sort ? { sort: table.sort, order: table.order } : {}),
    limit: table.pageSize,
    offset: table.page * table.pageSize,
  };
}

/**
 * One page of the fleet, asked of the server with the page's filters and the table's search,
 * sort and page, read again at each change of the fleet the backend signals. The last page
 * read stays shown while the next one loads (`loading`), and when a read fails (`error`).
 */
export function useFleetPage(filters: FleetFilters) {
  const fleetApi = useApi(fleetApiRef);
  const { version } = useFleetChanges();
  const filtersKey = JSON.stringify(fleetListQueryOf(filters));
  const [state, setState] = useState({ ...FIRST_PAGE, filtersKey });
  // Other filters start again at the first page.
  const table: FleetTableState =
    state.filtersKey === filtersKey ? state : { ...state, page: 0 };
  const query = fleetPageQuery(filters, table);
  const queryKey = JSON.stringify(query);

  const [read, setRead] = useState<{
    response?: ClusterPageResponse;
    error?: Error;
    queryKey?: string;
  }>({});
  useEffect(() => {
    let current = true;
    fleetApi.listClusterPage(query).then(
      response => current && setRead({ response, queryKey }),
      error => current && setRead(last => ({ ...last, error, queryKey })),
    );
    return () => {
      current = false;
    };
    // The query is read again when its key changes, not when its object does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fleetApi, queryKey, version]);

  const setTable = useCallback(
    (change: Partial<FleetTableState>) =>
      setState(last => ({
        ...(last.filtersKey === filtersKey ? last : { ...last, page: 0 }),
        filtersKey,
        ...change,
      })),
    [filtersKey],
  );

  return {
    response: read.response,
    error: read.error,
    /** Another query than the one shown is on its way (not a read again of the same). */
    loading: read.queryKey !== queryKey,
    table,
    setTable,
  };
}
