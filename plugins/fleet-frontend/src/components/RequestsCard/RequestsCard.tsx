import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useClusterDetail } from '../../hooks/useClusterDetail';
import { useRequests } from '../../hooks/useRequests';
import { readClusterAnnotation } from '../../lib/entity';
import { GitopsStatus } from '../GitopsStatus';
import { RequestsView } from '../Requests';
import { ClusterPendingPanel } from '../shared/ClusterPendingPanel';

export const NO_CLUSTER_REQUESTS_TEXT =
  'No requests in progress for this cluster.';

/**
 * What Flux applied to the cluster, and its requests not reconciled yet: where each is on its way,
 * with a Merge button while one waits for review (local GitOps mode).
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
    <GitopsStatus gitops={state.cluster.gitops} />
  ) : null;
}

function ClusterRequests(props: { cluster: string }) {
  const state = useRequests({ cluster: props.cluster, state: 'active' });
  return <RequestsView {...state} emptyText={NO_CLUSTER_REQUESTS_TEXT} />;
}
