import Box from '@material-ui/core/Box';
import { CompactTable as Table } from '../shared/CompactTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  CopyTextButton,
  EmptyState,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { FLEET_ANNOTATIONS } from '@fleet-portal/plugin-fleet-common';
import { shortDigest } from '../../lib/digest';
import { describeDrift, driftOfTypes } from '../../lib/drift';
import { KairosImageView } from '../../lib/images';
import { ClusterCard } from '../shared/ClusterCard';
import { DriftBadge } from '../shared/DriftBadge';
import { FigureSourceTooltip } from '../shared/FigureSourceTooltip';
import { useKairosImages } from './useKairosImages';

/** Kairos images the cluster's nodes run, against the desired image. */
export function KairosImageCard() {
  const { entity } = useEntity();
  const state = useKairosImages(entity);
  return (
    <ClusterCard title="Kairos images" state={state}>
      {(view, cluster) => (
        <KairosImages
          view={view}
          driftReasons={driftOfTypes(cluster.drift, ['node-image']).map(
            describeDrift,
          )}
        />
      )}
    </ClusterCard>
  );
}

function KairosImages(props: {
  view: KairosImageView;
  driftReasons: string[];
}) {
  const { view } = props;
  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        mb={1}
        data-testid="kairos-desired-image"
      >
        <Typography variant="body2" component="span">
          Desired:&nbsp;
        </Typography>
        {view.desired ? (
          <>
            <FigureSourceTooltip sources={view.desired.source}>
              <Typography variant="body2" component="span">
                {shortDigest(view.desired.reference) || view.desired.reference}
              </Typography>
            </FigureSourceTooltip>
            <CopyTextButton
              text={view.desired.reference}
              aria-label="Copy desired image reference"
            />
          </>
        ) : (
          <Typography variant="body2" component="span" color="textSecondary">
            not set (no {FLEET_ANNOTATIONS.desiredImage} on the
            ClusterDeployment)
          </Typography>
        )}
        <Box flexGrow={1} />
        {view.drift && <DriftBadge reasons={props.driftReasons} />}
      </Box>

      {view.groups.length === 0 && view.unknown.length === 0 ? (
        <EmptyState missing="data" title="No nodes reported for this cluster" />
      ) : (
        <Table size="small" aria-label="Node images">
          <TableHead>
            <TableRow>
              <TableCell>Image</TableCell>
              <TableCell>Digest</TableCell>
              <TableCell align="right">Nodes</TableCell>
              <TableCell>Status</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {view.groups.map(group => (
              <TableRow key={group.reference} data-testid="kairos-image-row">
                <TableCell>{group.repository}</TableCell>
                <TableCell>
                  <FigureSourceTooltip sources={group.sources[0]}>
                    <span>{shortDigest(group.digest)}</span>
                  </FigureSourceTooltip>
                  <CopyTextButton
                    text={group.reference}
                    aria-label={`Copy ${group.reference}`}
                  />
                </TableCell>
                <TableCell align="right" title={group.nodes.join(', ')}>
                  {group.nodes.length}
                </TableCell>
                <TableCell>
                  {group.matchesDesired === undefined && '—'}
                  {group.matchesDesired === true && (
                    <StatusOK>desired</StatusOK>
                  )}
                  {group.matchesDesired === false && (
                    <StatusWarning>differs from desired</StatusWarning>
                  )}
                </TableCell>
              </TableRow>
            ))}
            {view.unknown.map(node => (
              <TableRow key={node.node} data-testid="kairos-unknown-image">
                <TableCell>{node.reference ?? node.node}</TableCell>
                <TableCell>
                  <FigureSourceTooltip sources={node.sources}>
                    <span>unknown</span>
                  </FigureSourceTooltip>
                </TableCell>
                <TableCell align="right" title={node.node}>
                  1
                </TableCell>
                <TableCell>
                  <StatusWarning>
                    digest unknown on {node.node}: {node.reason}
                  </StatusWarning>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      {view.rollouts.length > 0 && (
        <Box mt={1}>
          {view.rollouts.map(rollout => (
            <Typography key={rollout.node} variant="caption" component="div">
              Rolling out {shortDigest(rollout.image) || rollout.image} to{' '}
              {rollout.node}: {rollout.phase}
              {rollout.message ? ` (${rollout.message})` : ''}
            </Typography>
          ))}
        </Box>
      )}
    </>
  );
}
