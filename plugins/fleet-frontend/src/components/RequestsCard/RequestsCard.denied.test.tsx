// Its own file: usePermission caches decisions for the whole module registry (SWR), so a denial
// next to tests that were allowed would read their cached answer.
import { screen, waitFor } from '@testing-library/react';
import { localRequests } from '../../__fixtures__/requests';
import { fakeFleetApi } from '../../__testUtils__/renderClusterCard';
import { renderRequests } from '../../__testUtils__/renderRequests';
import { RequestsCard } from './RequestsCard';

describe('RequestsCard without fleet.gitops.merge', () => {
  it('disables Merge and names the missing permission', async () => {
    const api = fakeFleetApi('pending', {
      listRequests: async () => localRequests,
    });
    await renderRequests(<RequestsCard />, {
      api,
      entity: true,
      mergeAllowed: false,
    });
    expect(
      await screen.findByText(
        /Merging needs the fleet.gitops.merge permission/,
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      screen
        .getAllByRole('button', { name: /Merge/ })
        .forEach(button => expect(button).toBeDisabled()),
    );
    expect(api.mergeRequest).not.toHaveBeenCalled();
  });
});
