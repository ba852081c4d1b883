import { Fragment } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import {
  Link,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  ClusterHealthState,
  FleetSortColumn,
} from '@fleet-portal/plugin-fleet-common';
import { FleetRow } from '../../lib/fleetRows';
import { DemoChip } from '../shared/DemoChip';
import { ReadTime } from '../shared/ReadTime';
import { FLEET_PAGE_SIZES, FleetTableState } from './useFleetPage';

/** The server's sort column for each column of the table, by the column's field. */
const SORT_BY_FIELD: Record<string, FleetSortColumn> = {
  name: 'name',
  management: 'management',
  health: 'health',
  k0sDesired: 'k0s',
  images: 'images',
  dnsUnsynced: 'dns',
  servicesNotDeployed: 'services',
  gitops: 'gitops',
  driftCount: 'drift',
  lastRead: 'lastRead',
};

function DigestList(props: { text: string }) {
  const digests = props.text ? props.text.split(', ') : [];
  if (digests.length === 0) return <>—</>;
  return (
    <>
      {digests.map((digest, i) => (
        <Fragment key={digest}>
          {i > 0 && ' '}
          <span style={{ whiteSpace: 'nowrap' }}>
            {digest}
            {i < digests.length - 1 ? ',' : ''}
          </span>
        </Fragment>
      ))}
    </>
  );
}

function HealthStatus(props: { state: ClusterHealthState; reason: string }) {
  const label = props.reason ? `${props.state} (${props.reason})` : props.state;
  switch (props.state) {
    case 'ready':
      return <StatusOK>{label}</StatusOK>;
    case 'not-ready':
      return <StatusError>{label}</StatusError>;
    case 'progressing':
      return <StatusPending>{label}</StatusPending>;
    default:
      return <StatusWarning>{label}</StatusWarning>;
  }
}

function GitopsGlance(props: { tone: FleetRow['gitopsTone']; text: string }) {
  const cell = (
    <span data-testid="fleet-gitops" style={{ whiteSpace: 'nowrap' }}>
      {props.text}
    </span>
  );
  switch (props.tone) {
    case 'ok':
      return <StatusOK>{cell}</StatusOK>;
    case 'pending':
      return <StatusPending>{cell}</StatusPending>;
    case 'failing':
      return <StatusError>{cell}</StatusError>;
    default:
      return cell;
  }
}

function ServicesGlance(props: { row: FleetRow }) {
  const { services, servicesNotDeployed } = props.row;
  if (!services) return <>—</>;
  const cell = (
    <span data-testid="fleet-services" style={{ whiteSpace: 'nowrap' }}>
      {services}
    </span>
  );
  if (services.includes('failed')) return <StatusError>{cell}</StatusError>;
  if (servicesNotDeployed > 0) return <StatusPending>{cell}</StatusPending>;
  return <StatusOK>{cell}</StatusOK>;
}

/** Names, health, versions and times stay on one line: a word is never broken mid-way. */
const ONE_LINE = { whiteSpace: 'nowrap' } as const;
/** A long reason wraps between words, in a column that stays narrow enough for the rest. */
const WORDS_WRAP = {
  minWidth: 160,
  maxWidth: 320,
  wordBreak: 'normal',
  overflowWrap: 'normal',
} as const;

const columns: TableColumn<FleetRow>[] = [
  {
    title: 'Name',
    cellStyle: ONE_LINE,
    field: 'name',
    highlight: true,
    render: row => (
      <>
        <Link to={row.entityPath} data-testid="fleet-cluster-link">
          {row.name}
        </Link>
        {row.demo && (
          <Box component="span" ml={1}>
            <DemoChip />
          </Box>
        )}
      </>
    ),
  },
  { title: 'Management', field: 'management', cellStyle: ONE_LINE },
  {
    title: 'Health',
    cellStyle: WORDS_WRAP,
    field: 'health',
    render: row => (
      <HealthStatus state={row.health} reason={row.healthReason} />
    ),
  },
  {
    title: 'k0s desired / running',
    cellStyle: ONE_LINE,
    field: 'k0sDesired',
    render: row => (
      <>
        <div>{row.k0sDesired || '—'}</div>
        <div>{row.k0sRunning || '—'}</div>
      </>
    ),
  },
  {
    title: 'Images',
    field: 'images',
    // Several digests wrap between digests, never inside one.
    render: row => <DigestList text={row.images} />,
  },
  {
    title: 'DNS synced',
    cellStyle: ONE_LINE,
    field: 'dnsUnsynced',
    searchable: false,
    render: row => `${row.dnsSynced} / ${row.dnsTotal}`,
  },
  {
    title: 'Services',
    field: 'servicesNotDeployed',
    customFilterAndSearch: (term: string, row: FleetRow) =>
      row.services
        .toLocaleLowerCase('en-US')
        .includes(term.toLocaleLowerCase('en-US')),
    render: row => <ServicesGlance row={row} />,
  },
  {
    title: 'Git/Flux',
    field: 'gitops',
    render: row => <GitopsGlance tone={row.gitopsTone} text={row.gitops} />,
  },
  {
    title: 'Drift',
    field: 'driftCount',
    customFilterAndSearch: (term: string, row: FleetRow) =>
      row.driftText
        .toLocaleLowerCase('en-US')
        .includes(term.toLocaleLowerCase('en-US')),
    render: row => (
      <Box data-testid="fleet-drift-count" data-count={row.driftCount}>
        {row.driftCount}
        {row.driftTypes.map(type => (
          <Box component="span" ml={0.5} key={type.type}>
            <Chip
              size="small"
              label={
                type.count > 1 ? `${type.label} ×${type.count}` : type.label
              }
            />
          </Box>
        ))}
      </Box>
    ),
  },
  {
    title: 'Last read',
    cellStyle: ONE_LINE,
    field: 'lastRead',
    searchable: false,
    render: row => (
      <span title={row.readFailures || undefined}>
        <ReadTime iso={row.lastRead || undefined} />
        {row.stale && (
          <Box component="span" ml={0.5}>
            <Chip size="small" label="Stale" />
          </Box>
        )}
      </span>
    ),
  },
];

/**
 * One page of the fleet, as the server filtered, searched, sorted and paged it: the table only
 * says what the person asks for (`onChange`), and shows the page it is given.
 */
export function FleetTable(props: {
  rows: FleetRow[];
  /** Clusters that match the filters and search. */
  total: number;
  /** Clusters the person may read, whatever the filters. */
  fleetSize: number;
  table: FleetTableState;
  onChange: (change: Partial<FleetTableState>) => void;
}) {
  const { rows, total, fleetSize, table, onChange } = props;
  return (
    <Table<FleetRow>
      title={
        total === fleetSize
          ? `Clusters (${fleetSize})`
          : `Clusters (${total} of ${fleetSize})`
      }
      columns={columns}
      data={rows}
      page={table.page}
      totalCount={total}
      onPageChange={(page, pageSize) => onChange({ page, pageSize })}
      onRowsPerPageChange={pageSize => onChange({ page: 0, pageSize })}
      onSearchChange={search => onChange({ search, page: 0 })}
      onOrderChange={(orderBy, direction) => {
        const field = columns[orderBy]?.field as string | undefined;
        const sort = direction && field ? SORT_BY_FIELD[field] : undefined;
        onChange({
          sort,
          order: direction === 'desc' ? 'desc' : 'asc',
          page: 0,
        });
      }}
      options={{
        paging: true,
        pageSize: table.pageSize,
        pageSizeOptions: FLEET_PAGE_SIZES,
        search: true,
        padding: 'dense',
        emptyRowsWhenPaging: false,
      }}
      emptyContent={<Box p={2}>No clusters match the filters.</Box>}
    />
  );
}
