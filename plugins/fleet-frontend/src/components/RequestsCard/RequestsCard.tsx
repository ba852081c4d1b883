import { useMemo } from 'react';
import { InfoCard } from '@backstage/core-components';
import { WideCardMarker } from '../shared/WideCardMarker';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useClusterDetail } from '../../hooks/useClusterDetail';
import { useRequests } from '../../hooks/useRequests';
import { readClusterAnnotation } from '../../lib/entity';
import { requestsForCard } from '../../lib/requests';
import { GitopsStatus } from '../GitopsStatus';
import { RequestsView } from '../Requests';
import { ClusterPendingPanel } from '../shared/ClusterPendingPanel';

export const NO_CLUSTER_REQUESTS_TEXT = 'No requests for this cluster yet.';

/**
 * What Flux applied to the cluster, and its requests: each one on its way with where it is (a
 * Merge button while it waits for review, in local mode), then the last few reconciled.
 */
export function RequestsCard() {
  const { entity } = useEntity();
  const annotation = readClusterAnnotation(entity);
  return (
    <InfoCard
      title="Requests"
      subheader="What Flux applied, and requests on their way to this cluster"
      deepLink={{ title: 'All requests', link: '/fleet/requests' }}
    >
      <WideCardMarker />
      {annotation.status === 'valid' ? (
        <>
          <ClusterGitops />
          <ClusterRequests cluster={annotation.ref.name} />
        </>
      ) : (
        <ClusterPendingPanel
          state={
            annotation.status === 'missing'
              ? { status: 'missing-annotation' }
              : { status: 'invalid-annotation', value: annotation.value }
          }
        />
      )}
    </InfoCard>
  );
}

/** What Flux applied to the cluster; nothing while the cluster is loading or cannot be read. */
function ClusterGitops() {
  const { entity } = useEntity();
  const state = useClusterDetail(entity);
  return state.status === 'loaded' ? (
    <GitopsStatus
      gitops={state.cluster.gitops}
      drift={state.cluster.drift}
      problem={state.cluster.gitopsProblem}
    />
  ) : null;
}

function ClusterRequests(props: { cluster: string }) {
  const state = useRequests({ cluster: props.cluster, state: 'all' });
  const value = useMemo(
    () =>
      state.value && {
        ...state.value,
        items: requestsForCard(state.value.items),
      },
    [state.value],
  );
  return (
    <RequestsView
      {...state}
      value={value}
      emptyText={NO_CLUSTER_REQUESTS_TEXT}
    />
  );
}
