import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { FLEET_ENTITY_ANNOTATIONS } from '@fleet-portal/plugin-fleet-common';
import { FLEET_READ_PERMISSION_NAME } from '../../constants';
import { ClusterPendingState } from '../../hooks/useClusterDetail';

const ANNOTATION_HELP = `Add the annotation ${FLEET_ENTITY_ANNOTATIONS.clusterDeployment}: <management>/<namespace>/<name> to this entity.`;

/** What a cluster card shows before its data is there: missing link, progress, denial, error. */
export function ClusterPendingPanel(props: { state: ClusterPendingState }) {
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
    default:
      return null;
  }
}
