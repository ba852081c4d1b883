import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { RepoReader } from '../gitops/changeSet';
import { commitChanges, repoAt } from '../gitops/commit';
import { ManifestPlan } from '../gitops/manifestFiles';
import { requestInfo, templateEntityRef } from '../manifests/metadata';
import { RequestInfo } from '../manifests/types';

/** A pure planning function of a manifest action. */
export type PlanManifest<P extends ManifestPlan = ManifestPlan> = (
  input: unknown,
  request: RequestInfo,
  openRepo: (targetPath: string) => RepoReader,
) => P;

/**
 * The whole handler of a manifest action: plan against the checkout in the workspace (every
 * check runs here, before anything is written), then write the planned changes. Returns the plan,
 * for an action that reports more of it.
 */
export async function runManifestPlan<P extends ManifestPlan>(
  ctx: ActionContext<any, any>,
  plan: PlanManifest<P>,
): Promise<P> {
  const request = requestInfo(
    templateEntityRef(ctx.templateInfo),
    ctx.user?.ref,
  );
  const planned = plan(ctx.input, request, target =>
    repoAt(ctx.workspacePath, target),
  );
  await commitChanges(ctx, planned.targetPath, planned.changes);
  return planned;
}
