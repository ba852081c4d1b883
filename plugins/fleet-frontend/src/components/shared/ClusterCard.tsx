import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import {
  ClusterDetail,
  ClusterRef,
  FLEET_ENTITY_ANNOTATIONS,
} from '@internal/plugin-fleet-common';
import { FLEET_READ_PERMISSION_NAME } from '../../constants';
import { ClusterCardState } from '../../hooks/useClusterDetail';
import { DemoChip } from './DemoChip';
import { ReadStateNote } from './ReadStateNote';

const ANNOTATION_HELP = `Add the annotation ${FLEET_ENTITY_ANNOTATIONS.clusterDeployment}: <management>/<namespace>/<name> to this entity.`;

export interface ClusterCardProps<T> {
  title: string;
  state: ClusterCardState<T>;
  /** Counts or badges next to the title once data is loaded. */
  renderSubheader?: (view: T) => ReactNode;
  /** A day-2 template link for this cluster. */
  deepLink?: (ref: ClusterRef) => { title: string; link: string };
  children: (view: T, cluster: ClusterDetail) => ReactNode;
}

/** The frame every cluster card shares: one rendering per state, freshness and demo marks. */
export function ClusterCard<T>(props: ClusterCardProps<T>) {
  const { title, state } = props;
  const ref = 'ref' in state ? state.ref : undefined;
  const loaded = state.status === 'loaded' ? state : undefined;
  return (
    <InfoCard
      title={title}
      subheader={loaded && props.renderSubheader?.(loaded.view)}
      deepLink={ref && props.deepLink ? props.deepLink(ref) : undefined}
    >
      <ClusterCardBody {...props} />
    </InfoCard>
  );
}

function ClusterCardBody<T>(props: ClusterCardProps<T>) {
  const { state } = props;
  switch (state.status) {
    case 'missing-annotation':
      return (
        <EmptyState
          missing="field"
          title="This entity is not linked to a fleet cluster"
          description={ANNOTATION_HELP}
        />
      );
    case 'invalid-annotation':
      return (
        <EmptyState
          missing="field"
          title={`The fleet cluster annotation "${state.value}" is not <management>/<namespace>/<name>`}
          description={ANNOTATION_HELP}
        />
      );
    case 'loading':
      return <Progress />;
    case 'forbidden':
      return (
        <WarningPanel
          severity="warning"
          title="Permission denied"
          message={`You lack the ${FLEET_READ_PERMISSION_NAME} permission needed to read cluster ${state.ref.name}.`}
        />
      );
    case 'error':
      return <ResponseErrorPanel error={state.error} />;
    case 'loaded':
      return (
        <>
          <Box
            display="flex"
            alignItems="flex-start"
            justifyContent="space-between"
            mb={1}
          >
            <ReadStateNote read={state.cluster.read} />
            {state.cluster.demo && <DemoChip />}
          </Box>
          {props.children(state.view, state.cluster)}
        </>
      );
    default:
      return null;
  }
}
