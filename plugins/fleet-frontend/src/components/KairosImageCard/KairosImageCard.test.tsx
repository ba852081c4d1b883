import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DESIRED_IMAGE,
  driftedClusterDetail,
  emptyClusterDetail,
  healthyClusterDetail,
  partialClusterDetail,
} from '../../__fixtures__/clusterDetails';
import { itRendersEveryClusterCardState } from '../../__testUtils__/clusterCardStates';
import {
  fakeFleetApi,
  renderClusterCard,
} from '../../__testUtils__/renderClusterCard';
import { KairosImageCard } from './KairosImageCard';

describe('KairosImageCard', () => {
  itRendersEveryClusterCardState(() => <KairosImageCard />);

  it('lists each image with short digest, node count and whether it is desired', async () => {
    await renderClusterCard(<KairosImageCard />, {
      api: fakeFleetApi(driftedClusterDetail),
    });
    const rows = await screen.findAllByTestId('kairos-image-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('sha256:1a2b3c4d…')).toBeInTheDocument();
    expect(within(rows[0]).getByText('2')).toBeInTheDocument();
    expect(within(rows[0]).getByText('desired')).toBeInTheDocument();
    expect(within(rows[1]).getByText('sha256:9f8e7d6c…')).toBeInTheDocument();
    expect(
      within(rows[1]).getByText('differs from desired'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('fleet-drift-badge')).toHaveTextContent('Drift');
  });

  it('says why a node digest is unknown', async () => {
    await renderClusterCard(<KairosImageCard />, {
      api: fakeFleetApi(driftedClusterDetail),
    });
    const unknown = await screen.findByTestId('kairos-unknown-image');
    expect(unknown).toHaveTextContent(
      'digest unknown on edge-fra-01-w-2: VMImage kairos-ubuntu-latest is tag-only',
    );
  });

  it('copies the full reference of an image', async () => {
    // CopyTextButton copies through a temporary element and execCommand('copy').
    const copied: string[] = [];
    document.execCommand = jest.fn(() => {
      copied.push(document.body.lastChild?.textContent ?? '');
      return true;
    });
    await renderClusterCard(<KairosImageCard />, {
      api: fakeFleetApi(healthyClusterDetail),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: `Copy ${DESIRED_IMAGE}` }),
    );
    expect(copied).toEqual([DESIRED_IMAGE]);
  });

  it('shows the source of the desired image on hover', async () => {
    await renderClusterCard(<KairosImageCard />, {
      api: fakeFleetApi(driftedClusterDetail),
    });
    const desired = await screen.findByTestId('kairos-desired-image');
    await userEvent.hover(within(desired).getByText('sha256:1a2b3c4d…'));
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent(
      'VMImage fleet-demo/kairos-ubuntu-24-04-k0s-1-31',
    );
    expect(tooltip).toHaveTextContent('field spec.source.registry.image');
    expect(tooltip).toHaveTextContent('from management cluster demo');
    expect(tooltip).toHaveTextContent('read at 2026-03-01 11:58:00 UTC');
  });

  it('shows no drift badge when every node runs the desired image', async () => {
    await renderClusterCard(<KairosImageCard />, {
      api: fakeFleetApi(healthyClusterDetail),
    });
    expect(await screen.findAllByTestId('kairos-image-row')).toHaveLength(1);
    expect(screen.queryByTestId('fleet-drift-badge')).not.toBeInTheDocument();
  });

  it('shows an empty state for a cluster without nodes or desired image', async () => {
    await renderClusterCard(<KairosImageCard />, {
      api: fakeFleetApi(emptyClusterDetail),
    });
    expect(
      await screen.findByText('No nodes reported for this cluster'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/not set \(no fleetportal\.io\/vmimage/),
    ).toBeInTheDocument();
  });

  it('shows the reason for a partial node', async () => {
    await renderClusterCard(<KairosImageCard />, {
      api: fakeFleetApi(partialClusterDetail),
    });
    expect(await screen.findByTestId('kairos-unknown-image')).toHaveTextContent(
      'node not annotated',
    );
  });
});
