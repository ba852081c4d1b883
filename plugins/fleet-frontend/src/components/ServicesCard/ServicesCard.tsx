import Box from '@material-ui/core/Box';
import { CompactTable as Table } from '../shared/CompactTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ClusterService } from '@fleet-portal/plugin-fleet-common';
import { describeDrift, driftOfTypes } from '../../lib/drift';
import { ServicesView } from '../../lib/services';
import { ClusterCard } from '../shared/ClusterCard';
import { DriftBadge } from '../shared/DriftBadge';
import { FigureSourceTooltip } from '../shared/FigureSourceTooltip';
import { ReadTime } from '../shared/ReadTime';
import { useServices } from './useServices';

/** What k0rdent deploys on the cluster (Traefik, MetalLB, …) and the state of each, failing first. */
export function ServicesCard() {
  const { entity } = useEntity();
  const state = useServices(entity);
  return (
    <ClusterCard
      title="Services"
      state={state}
      renderSubheader={view => (
        <span data-testid="services-counts">
          {view.deployed} / {view.total} deployed
          {view.failed > 0 && `, ${view.failed} failed`}
          {view.provisioning > 0 && `, ${view.provisioning} provisioning`}
        </span>
      )}
    >
      {(view, cluster) => (
        <Services
          view={view}
          driftReasons={driftOfTypes(cluster.drift, ['service-failed']).map(
            describeDrift,
          )}
        />
      )}
    </ClusterCard>
  );
}

function ServiceStatus(props: { service: ClusterService }) {
  const { state } = props.service;
  if (!state) {
    return <StatusPending>not reported by k0rdent yet</StatusPending>;
  }
  const label = (
    <FigureSourceTooltip sources={state.source}>
      <span>{state.value}</span>
    </FigureSourceTooltip>
  );
  switch (state.value) {
    case 'Deployed':
      return <StatusOK>{label}</StatusOK>;
    case 'Failed':
      return <StatusError>{label}</StatusError>;
    case 'Provisioning':
    case 'Pending':
      return <StatusPending>{label}</StatusPending>;
    default:
      return <StatusWarning>{label}</StatusWarning>;
  }
}

function Services(props: { view: ServicesView; driftReasons: string[] }) {
  const { view } = props;
  if (!view.reported) {
    return (
      <EmptyState
        missing="info"
        title="The fleet backend reports no services"
        description="This Fleet Portal backend predates services; upgrade it to see what k0rdent deploys on the cluster (ClusterDeployment status.services)."
      />
    );
  }
  if (view.services.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No services for this cluster"
        description="k0rdent deploys the services the ClusterDeployment lists in spec.serviceSpec.services; add one there in Git to have it deployed."
      />
    );
  }
  return (
    <>
      {props.driftReasons.length > 0 && (
        <Box mb={1}>
          <DriftBadge reasons={props.driftReasons} />
        </Box>
      )}
      <Table size="small" aria-label="Services">
        <TableHead>
          <TableRow>
            <TableCell>Service</TableCell>
            <TableCell>Template</TableCell>
            <TableCell>Version</TableCell>
            <TableCell>State</TableCell>
            <TableCell>Since</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {view.services.map(service => (
            <TableRow
              key={`${service.namespace}/${service.name}`}
              data-testid="service-row"
              data-state={service.state?.value ?? 'unreported'}
            >
              <TableCell>
                <div>{service.name}</div>
                <Typography variant="caption" color="textSecondary">
                  {service.namespace}
                </Typography>
              </TableCell>
              <TableCell>
                <FigureSourceTooltip sources={service.template.source}>
                  <span>{service.template.value}</span>
                </FigureSourceTooltip>
              </TableCell>
              <TableCell>
                {service.version ? (
                  <FigureSourceTooltip sources={service.version.source}>
                    <span>{service.version.value}</span>
                  </FigureSourceTooltip>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell>
                <ServiceStatus service={service} />
                {service.failureMessage && (
                  <FigureSourceTooltip sources={service.failureMessage.source}>
                    <Typography
                      variant="caption"
                      component="div"
                      color="error"
                      data-testid="service-failure-message"
                      style={{ whiteSpace: 'normal', minWidth: 240 }}
                    >
                      {service.failureMessage.value}
                    </Typography>
                  </FigureSourceTooltip>
                )}
              </TableCell>
              <TableCell>
                <ReadTime iso={service.lastStateTransitionTime} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
