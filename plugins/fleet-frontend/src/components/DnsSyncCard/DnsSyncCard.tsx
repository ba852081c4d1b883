import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { CompactTable as Table } from '../shared/CompactTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { EmptyState, StatusError, StatusOK } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DnsRecordStatus } from '@fleet-portal/plugin-fleet-common';
import { DAY2_TEMPLATES } from '../../constants';
import {
  DnsSyncView,
  dnsRecordDisplayName,
  dnsRecordType,
} from '../../lib/dns';
import { day2TemplateUrl } from '../../lib/templates';
import { ClusterCard } from '../shared/ClusterCard';
import { FigureSourceTooltip } from '../shared/FigureSourceTooltip';
import { ReadTime } from '../shared/ReadTime';
import { useDnsSync } from './useDnsSync';

/** The cluster's bindy DNS records and whether each is synced, failing ones first. */
export function DnsSyncCard() {
  const { entity } = useEntity();
  const state = useDnsSync(entity);
  return (
    <ClusterCard
      title="DNS records"
      state={state}
      renderSubheader={view => (
        <span data-testid="dns-sync-counts">
          {view.counts.synced} / {view.counts.total} synced
          {view.counts.staleGeneration > 0 &&
            `, ${view.counts.staleGeneration} with a stale generation`}
        </span>
      )}
      deepLink={ref => ({
        title: 'Manage DNS records',
        link: day2TemplateUrl(DAY2_TEMPLATES.dnsRecords, ref),
      })}
    >
      {view => <DnsRecords view={view} />}
    </ClusterCard>
  );
}

function SyncStatus(props: { record: DnsRecordStatus }) {
  const { record } = props;
  if (record.synced) return <StatusOK>synced</StatusOK>;
  const why = [record.reason, record.message].filter(Boolean).join(': ');
  return <StatusError>not synced{why ? ` (${why})` : ''}</StatusError>;
}

function DnsRecords(props: { view: DnsSyncView }) {
  if (props.view.records.length === 0) {
    return (
      <EmptyState missing="data" title="No DNS records for this cluster" />
    );
  }
  return (
    <Table size="small" aria-label="DNS records">
      <TableHead>
        <TableRow>
          <TableCell>Name</TableCell>
          <TableCell>Type</TableCell>
          <TableCell>Values</TableCell>
          <TableCell>Zone</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Last sync</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.view.records.map(record => (
          <TableRow
            key={`${record.kind}/${record.namespace}/${record.name}`}
            data-testid="dns-record-row"
            data-synced={String(record.synced)}
          >
            <TableCell>
              <FigureSourceTooltip sources={record.source}>
                <span>{dnsRecordDisplayName(record)}</span>
              </FigureSourceTooltip>
            </TableCell>
            <TableCell>{dnsRecordType(record.kind)}</TableCell>
            <TableCell style={{ whiteSpace: 'normal', minWidth: 160 }}>
              {(record.values ?? []).join(', ')}
            </TableCell>
            <TableCell>{record.zone ?? 'no zone'}</TableCell>
            <TableCell>
              <SyncStatus record={record} />
              {record.staleGeneration && (
                <Box mt={0.5}>
                  <Chip
                    size="small"
                    label="stale generation"
                    title="bindy has not yet seen the latest spec of this record"
                  />
                </Box>
              )}
            </TableCell>
            <TableCell>
              <ReadTime iso={record.lastUpdated} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
