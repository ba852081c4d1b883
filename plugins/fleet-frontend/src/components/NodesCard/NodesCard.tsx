import { CompactTable as Table } from '../shared/CompactTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import { EmptyState, StatusError, StatusOK } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DAY2_TEMPLATES } from '../../constants';
import { NodeRow } from '../../lib/nodes';
import { day2TemplateUrl } from '../../lib/templates';
import { ClusterCard } from '../shared/ClusterCard';
import { FigureSourceTooltip } from '../shared/FigureSourceTooltip';
import { useNodeRows } from './useNodeRows';

/** The cluster's nodes: role, readiness, Kairos version, image, kubelet version and VM. */
export function NodesCard() {
  const { entity } = useEntity();
  const state = useNodeRows(entity);
  return (
    <ClusterCard
      title="Nodes"
      wide
      state={state}
      renderSubheader={rows =>
        `${rows.filter(row => row.ready).length} / ${rows.length} ready`
      }
      deepLink={ref => ({
        title: 'Scale cluster',
        link: day2TemplateUrl(DAY2_TEMPLATES.scaleCluster, ref),
      })}
    >
      {rows => <NodesTable rows={rows} />}
    </ClusterCard>
  );
}

function ImageDigest(props: { row: NodeRow }) {
  const { row } = props;
  if (row.imageDigest) {
    return (
      <FigureSourceTooltip sources={row.imageSources}>
        <span>{row.imageDigest}</span>
      </FigureSourceTooltip>
    );
  }
  return (
    <Tooltip title={row.imageUnknownReason ?? ''}>
      <span>unknown</span>
    </Tooltip>
  );
}

function VirtualMachineCell(props: { row: NodeRow }) {
  const { vm, vmProblem } = props.row;
  if (vm) {
    return (
      <Tooltip title={vm.matchedBy ?? ''}>
        <span>{vm.name}</span>
      </Tooltip>
    );
  }
  if (vmProblem) {
    return (
      <Tooltip title={vmProblem}>
        <span>{vmProblem.startsWith('ambiguous') ? 'ambiguous' : 'none'}</span>
      </Tooltip>
    );
  }
  return <>—</>;
}

function NodesTable(props: { rows: NodeRow[] }) {
  if (props.rows.length === 0) {
    return (
      <EmptyState missing="data" title="No nodes reported for this cluster" />
    );
  }
  return (
    <Table size="small" aria-label="Nodes">
      <TableHead>
        <TableRow>
          <TableCell>Name</TableCell>
          <TableCell>Role</TableCell>
          <TableCell>Ready</TableCell>
          <TableCell>Kairos</TableCell>
          <TableCell>Image digest</TableCell>
          <TableCell>Kubelet</TableCell>
          <TableCell>VM</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(row => (
          <TableRow key={row.name} data-testid="node-row">
            <TableCell>
              <FigureSourceTooltip sources={row.source}>
                <span>{row.name}</span>
              </FigureSourceTooltip>
            </TableCell>
            <TableCell>{row.roles || '—'}</TableCell>
            <TableCell>
              {row.ready ? (
                <StatusOK>Ready</StatusOK>
              ) : (
                <StatusError>Not ready</StatusError>
              )}
            </TableCell>
            <TableCell>{row.kairosVersion ?? '—'}</TableCell>
            <TableCell>
              <ImageDigest row={row} />
            </TableCell>
            <TableCell>{row.kubeletVersion ?? '—'}</TableCell>
            <TableCell>
              <VirtualMachineCell row={row} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
