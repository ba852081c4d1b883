import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ClusterStateAt,
  HistoryResponse,
} from '@fleet-portal/plugin-fleet-common';
import { historyEntries, stateAtMorning } from '../../__fixtures__/history';
import { DESIRED_IMAGE, OLD_IMAGE } from '../../__fixtures__/clusterDetails';
import {
  answerWith,
  clusterEntity,
  fakeFleetApi,
  renderClusterCard,
} from '../../__testUtils__/renderClusterCard';
import { responseError } from '../../__testUtils__/responses';
import { fromDateTimeLocal } from '../../lib/history';
import { ClusterHistoryCard } from './ClusterHistoryCard';

const REF = {
  management: 'demo',
  namespace: 'fleet-demo',
  name: 'edge-fra-01',
};

function historyApi(answer: HistoryResponse | Promise<Error> | 'pending') {
  return fakeFleetApi('pending', { getHistory: answerWith(answer) });
}

async function openAsOf() {
  await userEvent.click(screen.getByRole('tab', { name: 'As of' }));
  return screen.getByLabelText('As of', { selector: 'input' });
}

describe('ClusterHistoryCard: changes', () => {
  it('shows progress while loading', async () => {
    await renderClusterCard(<ClusterHistoryCard />, {
      api: historyApi('pending'),
    });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('explains a missing annotation without calling the backend', async () => {
    const api = historyApi({ items: historyEntries });
    await renderClusterCard(<ClusterHistoryCard />, {
      api,
      entity: clusterEntity(null),
    });
    expect(
      screen.getByText('This entity is not linked to a fleet cluster'),
    ).toBeInTheDocument();
    expect(api.getHistory).not.toHaveBeenCalled();
  });

  it('explains a malformed annotation', async () => {
    await renderClusterCard(<ClusterHistoryCard />, {
      api: historyApi({ items: historyEntries }),
      entity: clusterEntity('edge-fra-01'),
    });
    expect(
      screen.getByText(/"edge-fra-01" is not <management>/),
    ).toBeInTheDocument();
  });

  it('shows a permission warning on 403', async () => {
    await renderClusterCard(<ClusterHistoryCard />, {
      api: historyApi(responseError(403, 'not allowed')),
    });
    expect(await screen.findByText(/Permission denied/)).toBeInTheDocument();
  });

  it('shows the error of a failed read', async () => {
    await renderClusterCard(<ClusterHistoryCard />, {
      api: historyApi(responseError(500, 'database unavailable')),
    });
    expect(
      (await screen.findAllByText(/database unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/Permission denied/)).not.toBeInTheDocument();
  });

  it('says so when nothing was recorded', async () => {
    await renderClusterCard(<ClusterHistoryCard />, {
      api: historyApi({ items: [] }),
    });
    expect(
      await screen.findByText('No changes recorded for this cluster yet'),
    ).toBeInTheDocument();
  });

  it('lists the changes newest first with labels and previous → new', async () => {
    const api = historyApi({ items: historyEntries });
    await renderClusterCard(<ClusterHistoryCard />, { api });
    const rows = await screen.findAllByTestId('history-row');
    expect(api.getHistory).toHaveBeenCalledWith(REF, { limit: 500 });
    expect(rows.map(row => row.getAttribute('data-kind'))).toEqual(
      historyEntries.map(entry => entry.kind),
    );
    expect(rows[0]).toHaveTextContent('Health');
    expect(rows[0]).toHaveTextContent(
      'progressing (Progressing) → ready (Succeeded)',
    );
    expect(rows[1]).toHaveTextContent('Image');
    expect(rows[1]).toHaveTextContent(
      'edge-fra-01-w-1sha256:9f8e7d6c… → sha256:1a2b3c4d…',
    );
    expect(rows[2]).toHaveTextContent('Node left');
    expect(rows[2]).toHaveTextContent('present → absent');
    expect(rows[5]).toHaveTextContent('Node joined');
    expect(rows[5]).toHaveTextContent('absent → present');
    expect(within(rows[0]).getByText(/ago$/).tagName).toBe('TIME');
  });

  it('shows the full image reference and where it was read on hover', async () => {
    await renderClusterCard(<ClusterHistoryCard />, {
      api: historyApi({ items: historyEntries }),
    });
    const [, imageRow] = await screen.findAllByTestId('history-row');
    await userEvent.hover(within(imageRow).getByText('sha256:1a2b3c4d…'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(DESIRED_IMAGE);
    await userEvent.unhover(within(imageRow).getByText('sha256:1a2b3c4d…'));

    await userEvent.hover(within(imageRow).getByText('Image'));
    const tooltips = await screen.findAllByRole('tooltip');
    const source = tooltips.find(t => t.textContent?.includes('field '));
    expect(source).toHaveTextContent('Node edge-fra-01-w-1');
    expect(source).toHaveTextContent(
      'field metadata.annotations[fleetportal.io/image-ref]',
    );
  });

  it('filters by node and by kind', async () => {
    await renderClusterCard(<ClusterHistoryCard />, {
      api: historyApi({ items: historyEntries }),
    });
    await screen.findAllByTestId('history-row');
    const nodeSelect = screen.getByLabelText('Node', { selector: 'select' });
    expect(
      within(nodeSelect)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual([
      'All nodes',
      'edge-fra-01-cp-0',
      'edge-fra-01-w-1',
      'edge-fra-01-w-2',
    ]);

    await userEvent.selectOptions(nodeSelect, 'edge-fra-01-w-1');
    expect(
      screen
        .getAllByTestId('history-row')
        .map(row => row.getAttribute('data-kind')),
    ).toEqual(['node-image', 'node-presence']);

    await userEvent.selectOptions(nodeSelect, '');
    const dnsChip = screen.getByRole('button', { name: 'DNS sync' });
    await userEvent.click(dnsChip);
    expect(dnsChip).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Health' }));
    expect(
      screen
        .getAllByTestId('history-row')
        .map(row => row.getAttribute('data-kind')),
    ).toEqual(['cluster-health', 'dns-sync']);

    await userEvent.selectOptions(nodeSelect, 'edge-fra-01-cp-0');
    expect(screen.getByText('No changes match these filters')).toBeVisible();
  });
});

describe('ClusterHistoryCard: as of', () => {
  it('shows nodes with image, kubelet and since, health and records at the chosen time', async () => {
    const api = fakeFleetApi('pending', {
      getHistory: answerWith({ items: historyEntries }),
      getStateAt: answerWith(stateAtMorning),
    });
    await renderClusterCard(<ClusterHistoryCard />, { api });
    const input = await openAsOf();
    fireEvent.change(input, { target: { value: '2026-03-01T11:00' } });

    const rows = await screen.findAllByTestId('as-of-node-row');
    expect(api.getStateAt).toHaveBeenLastCalledWith(
      REF,
      fromDateTimeLocal('2026-03-01T11:00'),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('edge-fra-01-cp-0');
    expect(rows[0]).toHaveTextContent('sha256:1a2b3c4d…');
    expect(rows[0]).toHaveTextContent('v1.31.2+k0s');
    expect(rows[1]).toHaveTextContent('sha256:9f8e7d6c…');
    expect(within(rows[1]).getAllByText(/^since/)).toHaveLength(2);
    expect(
      screen.getByRole('button', { name: 'Copy image of edge-fra-01-w-1' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('as-of-health')).toHaveTextContent(
      'Health: progressing (Progressing)',
    );
    expect(screen.getByTestId('as-of-record-row')).toHaveTextContent(
      'ARecord/fleet-demo/edge-fra-01-ingresssynced',
    );
    await userEvent.hover(within(rows[1]).getByText('sha256:9f8e7d6c…'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(OLD_IMAGE);
  });

  it('says nothing was recorded by that date on 404, not an error', async () => {
    const api = fakeFleetApi('pending', {
      getHistory: answerWith({ items: historyEntries }),
      getStateAt: answerWith<ClusterStateAt>(
        responseError(404, 'nothing is recorded'),
      ),
    });
    await renderClusterCard(<ClusterHistoryCard />, { api });
    const input = await openAsOf();
    fireEvent.change(input, { target: { value: '2020-01-01T00:00' } });
    const at = fromDateTimeLocal('2020-01-01T00:00')!;
    expect(
      await screen.findByText(
        `Nothing recorded for this cluster by ${at
          .slice(0, 19)
          .replace('T', ' ')} UTC`,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/nothing is recorded/)).not.toBeInTheDocument();
  });

  it('shows a permission warning on 403', async () => {
    const api = fakeFleetApi('pending', {
      getStateAt: answerWith<ClusterStateAt>(responseError(403, 'denied')),
    });
    await renderClusterCard(<ClusterHistoryCard />, { api });
    await openAsOf();
    expect(await screen.findByText(/Permission denied/)).toBeInTheDocument();
  });

  it('asks for a time when the input is cleared, without reading', async () => {
    const api = fakeFleetApi('pending', {
      getStateAt: answerWith(stateAtMorning),
    });
    await renderClusterCard(<ClusterHistoryCard />, { api });
    const input = await openAsOf();
    await screen.findAllByTestId('as-of-node-row');
    const calls = api.getStateAt.mock.calls.length;
    fireEvent.change(input, { target: { value: '' } });
    expect(
      screen.getByText(/Pick a date and time to see the cluster/),
    ).toBeInTheDocument();
    expect(api.getStateAt).toHaveBeenCalledTimes(calls);
  });
});
