import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { driftedClusterDetail } from '../../__fixtures__/clusterDetails';
import {
  METALLB_FAILURE,
  servicesClusterDetail,
} from '../../__fixtures__/services';
import { itRendersEveryClusterCardState } from '../../__testUtils__/clusterCardStates';
import {
  fakeFleetApi,
  renderClusterCard,
} from '../../__testUtils__/renderClusterCard';
import { ServicesCard } from './ServicesCard';

describe('ServicesCard', () => {
  itRendersEveryClusterCardState(() => <ServicesCard />);

  it('lists failed, provisioning and unreported services before deployed ones, with counts', async () => {
    await renderClusterCard(<ServicesCard />, {
      api: fakeFleetApi(servicesClusterDetail),
    });
    expect(await screen.findByTestId('services-counts')).toHaveTextContent(
      '1 / 4 deployed, 1 failed, 1 provisioning',
    );
    const rows = screen.getAllByTestId('service-row');
    expect(rows.map(row => row.getAttribute('data-state'))).toEqual([
      'Failed',
      'Provisioning',
      'unreported',
      'Deployed',
    ]);
    expect(rows[0]).toHaveTextContent('metallb');
    expect(rows[0]).toHaveTextContent('metallb-system');
    expect(rows[0]).toHaveTextContent('metallb-0-15-2');
    expect(
      within(rows[0]).getByTestId('service-failure-message'),
    ).toHaveTextContent(METALLB_FAILURE);
    expect(rows[1]).toHaveTextContent('kyverno');
    expect(rows[2]).toHaveTextContent('cert-manager');
    expect(rows[2]).toHaveTextContent('not reported by k0rdent yet');
    expect(rows[3]).toHaveTextContent('traefik-37-1-1');
    expect(rows[3]).toHaveTextContent('37.1.1');
  });

  it('shows the drift badge with the failed service and its message', async () => {
    await renderClusterCard(<ServicesCard />, {
      api: fakeFleetApi(servicesClusterDetail),
    });
    await userEvent.hover(await screen.findByTestId('fleet-drift-badge'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      `Service metallb-system/metallb (metallb-0-15-2) Failed: ${METALLB_FAILURE}`,
    );
  });

  it('shows where the failure message was read on hover', async () => {
    await renderClusterCard(<ServicesCard />, {
      api: fakeFleetApi(servicesClusterDetail),
    });
    await userEvent.hover(await screen.findByTestId('service-failure-message'));
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent(
      'ClusterDeployment fleet-demo/edge-fra-01',
    );
    expect(tooltip).toHaveTextContent(
      'field status.services[1].failureMessage',
    );
    expect(tooltip).toHaveTextContent('from management cluster demo');
  });

  it('has no drift badge when every service is deployed', async () => {
    await renderClusterCard(<ServicesCard />, {
      api: fakeFleetApi({
        ...servicesClusterDetail,
        services: servicesClusterDetail.services!.filter(
          s => s.state?.value === 'Deployed',
        ),
        drift: driftedClusterDetail.drift,
      }),
    });
    expect(await screen.findByTestId('services-counts')).toHaveTextContent(
      '1 / 1 deployed',
    );
    expect(screen.queryByTestId('fleet-drift-badge')).not.toBeInTheDocument();
  });

  it('says what to do when the cluster has no services', async () => {
    await renderClusterCard(<ServicesCard />, {
      api: fakeFleetApi({ ...servicesClusterDetail, services: [] }),
    });
    expect(
      await screen.findByText('No services for this cluster'),
    ).toBeInTheDocument();
    expect(screen.getByText(/spec\.serviceSpec\.services/)).toBeInTheDocument();
  });

  it('tells a backend that reports no services from a cluster without any', async () => {
    await renderClusterCard(<ServicesCard />, {
      api: fakeFleetApi(driftedClusterDetail),
    });
    expect(
      await screen.findByText('The fleet backend reports no services'),
    ).toBeInTheDocument();
  });
});
