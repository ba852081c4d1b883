import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  localRequests,
  mergedUpgrade,
  scaleRequest,
} from '../../__fixtures__/requests';
import { fakeFleetApi } from '../../__testUtils__/renderClusterCard';
import { renderRequests } from '../../__testUtils__/renderRequests';
import { FleetPage } from './FleetPage';

const page = (
  <Routes>
    <Route path="/fleet/*" element={<FleetPage />} />
  </Routes>
);

describe('the requests tab of the fleet page', () => {
  it('lists the requests in progress at /fleet/requests and marks ?branch=', async () => {
    const api = fakeFleetApi('pending', {
      listRequests: async () => localRequests,
    });
    await renderRequests(page, {
      api,
      route: `/fleet/requests?branch=${scaleRequest.branch}`,
    });
    const rows = await screen.findAllByTestId('fleet-request-row');
    expect(rows).toHaveLength(2);
    expect(api.listRequests).toHaveBeenCalledWith({
      state: 'active',
      mine: false,
    });
    expect(rows.map(row => row.classList.contains('Mui-selected'))).toEqual([
      false,
      true,
    ]);
    expect(within(rows[1]).getByText('core-ams-02')).toBeInTheDocument();
    expect(api.listClusters).not.toHaveBeenCalled();
  });

  it('merges from the page and says when the linked branch is not listed', async () => {
    const lists = [
      localRequests,
      { mode: 'local' as const, items: [scaleRequest] },
    ];
    const api = fakeFleetApi('pending', {
      listRequests: async () => lists.shift()!,
      mergeRequest: async () => mergedUpgrade,
    });
    await renderRequests(page, {
      api,
      route: `/fleet/requests?state=open&branch=${mergedUpgrade.branch}`,
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: `Merge ${mergedUpgrade.branch}`,
      }),
    );
    expect(
      await screen.findByText(
        'Merged as abcdef0: Flux applies it at its next sync',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        /is not among these requests: it may be reconciled already/,
      ),
    ).toBeInTheDocument();
    expect(await screen.findAllByTestId('fleet-request-row')).toHaveLength(1);
  });

  it("narrows to the signed-in user's requests and to every state, in the URL", async () => {
    const api = fakeFleetApi('pending', {
      listRequests: async () => localRequests,
    });
    await renderRequests(page, { api, route: '/fleet/requests' });
    await screen.findAllByTestId('fleet-request-row');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Only my requests' }),
    );
    expect(api.listRequests).toHaveBeenLastCalledWith({
      state: 'active',
      mine: true,
    });
    await userEvent.click(screen.getByRole('button', { name: /In progress/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'All, reconciled included' }),
    );
    expect(api.listRequests).toHaveBeenLastCalledWith({
      state: 'all',
      mine: true,
    });
  });
});
