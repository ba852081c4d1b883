import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  githubRequests,
  mergedK0sUpgradeRequest,
  k0sUpgradeRequest,
  mergedUpgrade,
} from '../../__fixtures__/requests';
import { fakeFleetApi } from '../../__testUtils__/renderClusterCard';
import { renderRequests } from '../../__testUtils__/renderRequests';
import { responseError } from '../../__testUtils__/responses';
import { healthyClusterDetail } from '../../__fixtures__/clusterDetails';
import { RequestsCard } from './RequestsCard';

const CONFLICT =
  'branch fleet/k0s-upgrade/1a2b3c4d5e no longer merges cleanly into main (conflicting: clusters/fleet-demo/edge-fra-01/clusterdeployment.yaml): file the request again from the current main. Nothing was merged.';

const oneRequest = { mode: 'local' as const, items: [k0sUpgradeRequest] };

/** Where the cards' Flux figures were read. */
const source = {
  readFrom: { scope: 'management' as const, cluster: 'mgmt-eu' },
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  namespace: 'flux-system',
  name: 'fleet-clusters',
  field: 'status.lastAppliedRevision',
  readAt: '2026-12-03T07:00:00Z',
};

function rows() {
  return screen.queryAllByTestId('fleet-request-row');
}

describe('RequestsCard', () => {
  it('says first what Flux applied to the cluster, and when it fails', async () => {
    const api = fakeFleetApi(
      {
        ...healthyClusterDetail,
        gitops: {
          kustomization: { namespace: 'flux-system', name: 'fleet-clusters' },
          fetchedRevision: { value: `main@sha1:${'b'.repeat(40)}`, source },
          appliedRevision: { value: `main@sha1:${'a'.repeat(40)}`, source },
          lastAttemptedRevision: {
            value: `main@sha1:${'b'.repeat(40)}`,
            source,
          },
          ready: {
            value: { status: 'False', reason: 'BuildFailed', message: 'oops' },
            source,
          },
          suspended: false,
        },
      },
      { listRequests: async () => oneRequest },
    );
    await renderRequests(<RequestsCard />, { api, entity: true });
    const status = await screen.findByTestId('gitops-status');
    expect(status).toHaveAttribute('data-tone', 'failing');
    expect(status).toHaveTextContent(
      'Flux fleet-clusters is failing: BuildFailed',
    );
    expect(status).toHaveTextContent(
      'oops Tried main@bbbbbbb; applied main@aaaaaaa.',
    );
  });

  it('says what of the Git/Flux state could not be read, and what to do', async () => {
    const api = fakeFleetApi(
      {
        ...healthyClusterDetail,
        gitops: undefined,
        gitopsProblem: {
          during: 'reading Flux objects of management cluster mgmt-eu',
          message: 'kustomizations.kustomize.toolkit.fluxcd.io is forbidden',
          at: '2026-12-03T07:00:00Z',
        },
      },
      { listRequests: async () => oneRequest },
    );
    await renderRequests(<RequestsCard />, { api, entity: true });
    expect(await screen.findByTestId('gitops-problem')).toHaveTextContent(
      'Part of the Git/Flux state could not be read (reading Flux objects of management cluster mgmt-eu): kustomizations.kustomize.toolkit.fluxcd.io is forbidden. Ask the platform team',
    );
    // The requests are listed all the same.
    expect(await screen.findAllByTestId('fleet-request-row')).toHaveLength(1);
  });

  it('names the merged commits Flux has not applied yet', async () => {
    const fetched = `main@sha1:${'b'.repeat(40)}`;
    const applied = `main@sha1:${'a'.repeat(40)}`;
    const api = fakeFleetApi(
      {
        ...healthyClusterDetail,
        gitops: {
          kustomization: { namespace: 'flux-system', name: 'fleet-clusters' },
          fetchedRevision: { value: fetched, source },
          appliedRevision: { value: applied, source },
          ready: { value: { status: 'True' }, source },
          suspended: false,
        },
        drift: [
          {
            type: 'git-pending',
            kustomization: 'flux-system/fleet-clusters',
            fetched,
            applied,
            ahead: 2,
            commits: [
              {
                commit: 'b'.repeat(40),
                title: 'Merge request fleet/k0s-upgrade/1a2b3c4d5e',
                committedAt: '2026-12-03T06:59:00Z',
              },
              {
                commit: 'c'.repeat(40),
                title: 'Upgrade k0s: edge-fra-01 to v1.32.8+k0s.0',
                committedAt: '2026-12-03T06:58:00Z',
              },
            ],
          },
        ],
      },
      { listRequests: async () => oneRequest },
    );
    await renderRequests(<RequestsCard />, { api, entity: true });
    const status = await screen.findByTestId('gitops-status');
    expect(status).toHaveAttribute('data-tone', 'pending');
    expect(status).toHaveTextContent(
      'Git is at main@bbbbbbb (2 ahead); Flux fleet-clusters applied main@aaaaaaa',
    );
    expect(status).toHaveTextContent(
      '2 commits not applied yet: "Merge request fleet/k0s-upgrade/1a2b3c4d5e", "Upgrade k0s: edge-fra-01 to v1.32.8+k0s.0".',
    );
  });

  it("lists the cluster's open requests with title, template, requester and branch", async () => {
    const api = fakeFleetApi('pending', {
      listRequests: async () => oneRequest,
    });
    await renderRequests(<RequestsCard />, { api, entity: true });
    expect(
      await screen.findByText('Upgrade k0s: edge-fra-01 to v1.32.8+k0s.0'),
    ).toBeInTheDocument();
    expect(api.listRequests).toHaveBeenCalledWith({
      cluster: 'edge-fra-01',
      state: 'all',
    });
    const row = within(rows()[0]);
    expect(row.getByText('fleet/k0s-upgrade/1a2b3c4d5e')).toBeInTheDocument();
    expect(row.getByText('k0s-upgrade 1.0.0')).toBeInTheDocument();
    expect(row.getByText('alice')).toBeInTheDocument();
    expect(row.getByRole('button', { name: /Merge/ })).toBeEnabled();
  });

  it('merges a request, says what Flux does next and shows it waiting for Flux', async () => {
    const lists = [
      oneRequest,
      { mode: 'local' as const, items: [mergedK0sUpgradeRequest] },
    ];
    const api = fakeFleetApi('pending', {
      listRequests: async () => lists.shift()!,
      mergeRequest: async () => mergedUpgrade,
    });
    await renderRequests(<RequestsCard />, { api, entity: true });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Merge fleet/k0s-upgrade/1a2b3c4d5e',
      }),
    );
    expect(
      await screen.findByText(
        'Merged as abcdef0: Flux applies it at its next sync',
      ),
    ).toBeInTheDocument();
    expect(api.mergeRequest).toHaveBeenCalledWith(
      'fleet/k0s-upgrade/1a2b3c4d5e',
    );
    expect(
      await screen.findByText(
        'waiting for Flux to apply it (Kustomization flux-system/fleet-clusters)',
      ),
    ).toBeInTheDocument();
    expect(within(rows()[0]).getByText('merged')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Merge/ })).toBeNull();
    expect(api.listRequests).toHaveBeenCalledTimes(2);
  });

  it("shows a refused merge's server message verbatim and keeps the request", async () => {
    const api = fakeFleetApi('pending', {
      listRequests: async () => oneRequest,
      mergeRequest: async () => {
        throw await responseError(409, CONFLICT);
      },
    });
    await renderRequests(<RequestsCard />, { api, entity: true });
    await userEvent.click(await screen.findByRole('button', { name: /Merge/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(CONFLICT);
    expect(rows()).toHaveLength(1);
    expect(api.listRequests).toHaveBeenCalledTimes(1);
  });

  it('links each pull request in GitHub mode, with no Merge button', async () => {
    const api = fakeFleetApi('pending', {
      listRequests: async () => githubRequests,
    });
    await renderRequests(<RequestsCard />, { api, entity: true });
    expect(
      await screen.findByText(
        'Requests are pull requests on GitHub: review and merge them there. A new pull request shows here once the portal next reads the fleet.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^pull request #14/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/platform/fleet-gitops/pull/14',
    );
    expect(
      screen.getByText('waiting for review: merge the pull request on GitHub'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Merge/ })).toBeNull();
  });
});
