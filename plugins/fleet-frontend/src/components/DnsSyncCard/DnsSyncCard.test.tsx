import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  driftedClusterDetail,
  emptyClusterDetail,
  healthyClusterDetail,
} from '../../__fixtures__/clusterDetails';
import { itRendersEveryClusterCardState } from '../../__testUtils__/clusterCardStates';
import {
  clusterEntity,
  fakeFleetApi,
  renderClusterCard,
} from '../../__testUtils__/renderClusterCard';
import { DnsSyncCard } from './DnsSyncCard';

describe('DnsSyncCard', () => {
  itRendersEveryClusterCardState(() => <DnsSyncCard />);

  it('lists unsynced records first, with reasons, and counts in the header', async () => {
    await renderClusterCard(<DnsSyncCard />, {
      api: fakeFleetApi(driftedClusterDetail),
    });
    expect(await screen.findByTestId('dns-sync-counts')).toHaveTextContent(
      '2 / 4 synced, 1 with a stale generation',
    );
    const rows = screen.getAllByTestId('dns-record-row');
    expect(rows.map(row => row.getAttribute('data-synced'))).toEqual([
      'false',
      'false',
      'true',
      'true',
    ]);
    expect(rows[0]).toHaveTextContent('_owner.edge-fra-01.fleet.example.com.');
    expect(rows[0]).toHaveTextContent('TXT');
    expect(rows[0]).toHaveTextContent(
      'not synced (ReconcileFailed: nsupdate refused: NOTAUTH)',
    );
    expect(rows[1]).toHaveTextContent('ingress.edge-fra-01.fleet.example.com.');
    expect(rows[1]).toHaveTextContent('10.20.0.20, 10.20.0.21');
    expect(rows[1]).toHaveTextContent(
      'not synced (ZoneNotFound: no DNSZone selects this record)',
    );
    expect(rows[1]).toHaveTextContent('never');
    expect(rows[2]).toHaveTextContent('grafana.edge-fra-01');
    expect(within(rows[2]).getByText('stale generation')).toBeInTheDocument();
    expect(rows[3]).toHaveTextContent('api.edge-fra-01.fleet.example.com.');
    expect(rows[3]).toHaveTextContent('synced');
  });

  it('shows the absolute last sync time on hover', async () => {
    await renderClusterCard(<DnsSyncCard />, {
      api: fakeFleetApi(healthyClusterDetail),
    });
    const row = await screen.findByTestId('dns-record-row');
    await userEvent.hover(row.querySelector('time')!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      '2026-03-01 11:00:00 UTC',
    );
  });

  it('links to the DNS records template pre-filled for the cluster', async () => {
    await renderClusterCard(<DnsSyncCard />, {
      api: fakeFleetApi(healthyClusterDetail),
      entity: clusterEntity('mgmt-eu/kcm-system/core-ams-02'),
    });
    const link = await screen.findByRole('link', {
      name: /Manage DNS records/,
    });
    const url = new URL(link.getAttribute('href')!, 'http://portal');
    expect(url.pathname).toBe('/create/templates/default/dns-records');
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      cluster: 'core-ams-02',
      namespace: 'kcm-system',
      management: 'mgmt-eu',
    });
  });

  it('shows an empty state when the cluster has no records', async () => {
    await renderClusterCard(<DnsSyncCard />, {
      api: fakeFleetApi(emptyClusterDetail),
    });
    expect(
      await screen.findByText('No DNS records for this cluster'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('dns-sync-counts')).toHaveTextContent(
      '0 / 0 synced',
    );
  });
});
