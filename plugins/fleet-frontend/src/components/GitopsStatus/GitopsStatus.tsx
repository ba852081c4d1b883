import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import type {
  ClusterGitops,
  DriftFinding,
  GitopsProblem,
} from '@fleet-portal/plugin-fleet-common';
import { describeGitops } from '../../lib/gitops';
import { FigureSourceTooltip } from '../shared/FigureSourceTooltip';

const STATUS = { ok: StatusOK, pending: StatusPending, failing: StatusError };

/** One line: the revision Flux applied to the cluster, Git ahead of it, or Flux failing. */
export function GitopsStatus(props: {
  gitops?: ClusterGitops;
  /** The cluster's findings: its `git-pending` one names the commits not applied yet. */
  drift?: DriftFinding[];
  /** What of the Git/Flux state could not be read for this cluster. */
  problem?: GitopsProblem;
}) {
  const problem = props.problem && (
    <Typography
      variant="body2"
      color="error"
      data-testid="gitops-problem"
      style={{ overflowWrap: 'anywhere' }}
    >
      Part of the Git/Flux state could not be read ({props.problem.during}):{' '}
      {props.problem.message}. Ask the platform team to check that the portal
      may read Flux's objects and the GitOps repository.
    </Typography>
  );
  if (!props.gitops && problem) return problem;
  if (!props.gitops)
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="gitops-status"
      >
        No Flux Kustomization applied this cluster's ClusterDeployment.
      </Typography>
    );
  const pending = props.drift?.find(
    (f): f is Extract<DriftFinding, { type: 'git-pending' }> =>
      f.type === 'git-pending' &&
      f.kustomization ===
        `${props.gitops?.kustomization.namespace}/${props.gitops?.kustomization.name}`,
  );
  const { tone, headline, detail } = describeGitops(props.gitops, pending);
  const Icon = STATUS[tone];
  return (
    <Box mb={1} data-testid="gitops-status" data-tone={tone}>
      <FigureSourceTooltip
        sources={[
          props.gitops.fetchedRevision?.source,
          props.gitops.appliedRevision?.source,
          props.gitops.ready?.source,
        ]}
      >
        <Typography variant="body2" component="span">
          <Icon>{headline}</Icon>
        </Typography>
      </FigureSourceTooltip>
      {detail && (
        <Typography variant="body2" color="textSecondary">
          {detail}
        </Typography>
      )}
      {problem}
    </Box>
  );
}
