import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  githubRequests,
  k0sUpgradeRequest,
  mergedUpgrade,
} from '../../__fixtures__/requests';
import { fakeFleetApi } from '../../__testUtils__/renderClusterCard';
import { renderRequests } from '../../__testUtils__/renderRequests';
import { responseError } from '../../__testUtils__/responses';
import { RequestsCard } from './RequestsCard';

const CONFLICT =
  'branch fleet/k0s-upgrade/1a2b3c4d5e no longer merges cleanly into main (conflicting: clusters/edge-fra-01/clusterdeployment.yaml): file the request again from the current main. Nothing was merged.';

const oneRequest = { mode: 'local' as const, items: [k0sUpgradeRequest] };

function rows() {
  return screen.queryAllByTestId('fleet-request-row');
}

describe('RequestsCard', () => {
  it("lists the cluster's open requests with title, template, requester and branch", async () => {
    const api = fakeFleetApi('pending', {
      listRequests: async () => oneRequest,
    });
    await renderRequests(<RequestsCard />, { api, entity: true });
    expect(
      await screen.findByText('Upgrade k0s: edge-fra-01 to v1.32.8+k0s.0'),
    ).toBeInTheDocument();
    expect(api.listRequests).toHaveBeenCalledWith({ cluster: 'edge-fra-01' });
    const row = within(rows()[0]);
    expect(row.getByText('fleet/k0s-upgrade/1a2b3c4d5e')).toBeInTheDocument();
    expect(row.getByText('k0s-upgrade 1.0.0')).toBeInTheDocument();
    expect(row.getByText('alice')).toBeInTheDocument();
    expect(row.getByRole('button', { name: /Merge/ })).toBeEnabled();
  });

  it('merges a request, says what Flux does next and reloads the list', async () => {
    const lists = [oneRequest, { mode: 'local' as const, items: [] }];
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
      await screen.findByText('No open requests for this cluster.'),
    ).toBeInTheDocument();
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

  it('sends reviewers to GitHub in GitHub mode, with no Merge button', async () => {
    const api = fakeFleetApi('pending', {
      listRequests: async () => githubRequests,
    });
    await renderRequests(<RequestsCard />, { api, entity: true });
    expect(
      await screen.findByText(
        'Requests are pull requests on GitHub: review and merge them there.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Merge/ })).toBeNull();
  });
});
