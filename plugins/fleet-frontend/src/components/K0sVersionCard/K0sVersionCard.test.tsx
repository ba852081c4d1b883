import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  driftedClusterDetail,
  emptyClusterDetail,
  healthyClusterDetail,
} from '../../__fixtures__/clusterDetails';
import { itRendersEveryClusterCardState } from '../../__testUtils__/clusterCardStates';
import {
  fakeFleetApi,
  renderClusterCard,
} from '../../__testUtils__/renderClusterCard';
import { K0sVersionCard } from './K0sVersionCard';

describe('K0sVersionCard', () => {
  itRendersEveryClusterCardState(() => <K0sVersionCard />);

  it('shows desired, exact build and each running version with drift and skew', async () => {
    await renderClusterCard(<K0sVersionCard />, {
      api: fakeFleetApi(driftedClusterDetail),
    });
    expect(await screen.findByTestId('k0s-desired')).toHaveTextContent(
      'v1.31.2+k0s.1',
    );
    expect(screen.getByTestId('k0s-exact-build')).toHaveTextContent(
      'v1.31.2+k0s.0',
    );
    expect(
      screen.getByText('control plane build differs from desired'),
    ).toBeInTheDocument();
    const rows = screen.getAllByTestId('k0s-running-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('v1.31.2+k0s');
    expect(within(rows[0]).getByText('3')).toBeInTheDocument();
    expect(within(rows[0]).getByText('desired')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('v1.30.5+k0s');
    expect(
      within(rows[1]).getByText('differs from desired'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('k0s-skew')).toHaveTextContent('Version skew');
    expect(screen.getByTestId('fleet-drift-badge')).toHaveTextContent('Drift');
    expect(screen.getByTestId('k0s-upgrade-available')).toHaveTextContent(
      'Upgrade available: vsphere-standalone-cp-1-0-43',
    );
  });

  it('links the available upgrade to the upgrade-cluster-template template, pre-filled', async () => {
    await renderClusterCard(<K0sVersionCard />, {
      api: fakeFleetApi(driftedClusterDetail),
    });
    const link = await screen.findByRole('link', {
      name: /Upgrade available: vsphere-standalone-cp-1-0-43/,
    });
    expect(link.getAttribute('href')).toBe(
      `/create/templates/default/upgrade-cluster-template?formData=${encodeURIComponent(
        JSON.stringify({
          cluster: 'edge-fra-01',
          namespace: 'fleet-demo',
          management: 'demo',
        }),
      )}`,
    );
  });

  it('links to the k0s upgrade template pre-filled for the cluster', async () => {
    await renderClusterCard(<K0sVersionCard />, {
      api: fakeFleetApi(driftedClusterDetail),
    });
    const link = await screen.findByRole('link', { name: /Upgrade k0s/ });
    const url = new URL(link.getAttribute('href')!, 'http://portal');
    expect(url.pathname).toBe('/create/templates/default/k0s-upgrade');
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      cluster: 'edge-fra-01',
      namespace: 'fleet-demo',
      management: 'demo',
    });
  });

  it('shows where the desired version was read from on hover', async () => {
    await renderClusterCard(<K0sVersionCard />, {
      api: fakeFleetApi(driftedClusterDetail),
    });
    await userEvent.hover(
      within(await screen.findByTestId('k0s-desired')).getByText(
        'v1.31.2+k0s.1',
      ),
    );
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent(
      'ClusterDeployment fleet-demo/edge-fra-01',
    );
    expect(tooltip).toHaveTextContent('field spec.config.k0s.version');
  });

  it('flags nothing for a cluster at its desired version', async () => {
    await renderClusterCard(<K0sVersionCard />, {
      api: fakeFleetApi(healthyClusterDetail),
    });
    expect(await screen.findAllByTestId('k0s-running-row')).toHaveLength(1);
    expect(screen.queryByTestId('fleet-drift-badge')).not.toBeInTheDocument();
    expect(screen.queryByTestId('k0s-skew')).not.toBeInTheDocument();
    expect(
      screen.queryByTestId('k0s-upgrade-available'),
    ).not.toBeInTheDocument();
  });

  it('shows an empty state when no node reports a version', async () => {
    await renderClusterCard(<K0sVersionCard />, {
      api: fakeFleetApi(emptyClusterDetail),
    });
    expect(
      await screen.findByText('No node reports a running k0s version'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('k0s-desired')).toHaveTextContent('unknown');
  });
});
