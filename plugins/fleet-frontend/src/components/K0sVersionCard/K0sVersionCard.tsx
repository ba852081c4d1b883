import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { CompactTable as Table } from '../shared/CompactTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  Link,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { FigureSource } from '@fleet-portal/plugin-fleet-common';
import { DAY2_TEMPLATES } from '../../constants';
import { describeDrift, driftOfTypes } from '../../lib/drift';
import { K0sVersionView } from '../../lib/k0s';
import { day2TemplateUrl } from '../../lib/templates';
import { ClusterCard } from '../shared/ClusterCard';
import { DriftBadge } from '../shared/DriftBadge';
import { FigureSourceTooltip } from '../shared/FigureSourceTooltip';
import { useK0sVersions } from './useK0sVersions';

/** Desired, running and exact k0s versions, with skew, drift and available upgrades. */
export function K0sVersionCard() {
  const { entity } = useEntity();
  const state = useK0sVersions(entity);
  return (
    <ClusterCard
      title="k0s version"
      state={state}
      deepLink={ref => ({
        title: 'Upgrade k0s',
        link: day2TemplateUrl(DAY2_TEMPLATES.k0sUpgrade, ref),
      })}
    >
      {(view, cluster) => (
        <K0sVersions
          view={view}
          upgradeTemplateLink={day2TemplateUrl(
            DAY2_TEMPLATES.templateUpgrade,
            cluster.ref,
          )}
          driftReasons={driftOfTypes(cluster.drift, [
            'k0s-version',
            'k0s-build',
          ]).map(describeDrift)}
        />
      )}
    </ClusterCard>
  );
}

function VersionFigure(props: {
  label: string;
  figure?: { version: string; source?: FigureSource };
  testId: string;
}) {
  return (
    <Box display="flex" alignItems="center" data-testid={props.testId}>
      <Typography variant="body2" component="span">
        {props.label}:&nbsp;
      </Typography>
      {props.figure ? (
        <FigureSourceTooltip sources={props.figure.source}>
          <Typography variant="body2" component="span">
            {props.figure.version}
          </Typography>
        </FigureSourceTooltip>
      ) : (
        <Typography variant="body2" component="span" color="textSecondary">
          unknown
        </Typography>
      )}
    </Box>
  );
}

function K0sVersions(props: {
  view: K0sVersionView;
  driftReasons: string[];
  /** The day-2 template moving the cluster to a ClusterTemplate k0rdent offers. */
  upgradeTemplateLink: string;
}) {
  const { view } = props;
  const drift = view.versionDrift || view.buildDrift;
  return (
    <>
      <Box display="flex" alignItems="flex-start" mb={1}>
        <Box flexGrow={1}>
          <VersionFigure
            label="Desired"
            figure={view.desired}
            testId="k0s-desired"
          />
          <VersionFigure
            label="Exact build"
            figure={view.exactBuild}
            testId="k0s-exact-build"
          />
          {view.buildDrift && (
            <StatusWarning>
              control plane build differs from desired
            </StatusWarning>
          )}
        </Box>
        {view.skew && (
          <Box ml={1}>
            <Chip size="small" label="Version skew" data-testid="k0s-skew" />
          </Box>
        )}
        {drift && (
          <Box ml={1}>
            <DriftBadge reasons={props.driftReasons} />
          </Box>
        )}
      </Box>

      {view.availableUpgrades.length > 0 && (
        <FigureSourceTooltip sources={view.availableUpgradesSource}>
          <Box mb={1} data-testid="k0s-upgrade-available">
            <Chip
              size="small"
              color="primary"
              clickable
              component={Link}
              role="link"
              to={props.upgradeTemplateLink}
              label={`Upgrade available: ${view.availableUpgrades.join(', ')}`}
            />
          </Box>
        </FigureSourceTooltip>
      )}

      {view.running.length === 0 ? (
        <EmptyState
          missing="data"
          title="No node reports a running k0s version"
        />
      ) : (
        <Table size="small" aria-label="Running k0s versions">
          <TableHead>
            <TableRow>
              <TableCell>Running</TableCell>
              <TableCell>Roles</TableCell>
              <TableCell align="right">Nodes</TableCell>
              <TableCell>Status</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {view.running.map(group => (
              <TableRow key={group.version} data-testid="k0s-running-row">
                <TableCell>{group.version}</TableCell>
                <TableCell>{group.roles.join(', ') || '—'}</TableCell>
                <TableCell align="right" title={group.nodes.join(', ')}>
                  {group.nodes.length || '—'}
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
          </TableBody>
        </Table>
      )}
    </>
  );
}
