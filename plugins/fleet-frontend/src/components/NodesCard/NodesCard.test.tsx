import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  driftedClusterDetail,
  emptyClusterDetail,
} from '../../__fixtures__/clusterDetails';
import { itRendersEveryClusterCardState } from '../../__testUtils__/clusterCardStates';
import {
  fakeFleetApi,
  renderClusterCard,
} from '../../__testUtils__/renderClusterCard';
import { NodesCard } from './NodesCard';

describe('NodesCard', () => {
  itRendersEveryClusterCardState(() => <NodesCard />);

  it('shows a row per node with role, readiness, Kairos, digest and kubelet', async () => {
    await renderClusterCard(<NodesCard />, {
      api: fakeFleetApi(driftedClusterDetail),
    });
    const rows = await screen.findAllByTestId('node-row');
    expect(rows).toHaveLength(4);
    expect(screen.getByText('3 / 4 ready')).toBeInTheDocument();
    const cells = within(rows[2])
      .getAllByRole('cell')
      .map(cell => cell.textContent);
    expect(cells).toEqual([
      'edge-fra-01-w-1',
      'worker',
      'Ready',
      'v3.1.9',
      'sha256:9f8e7d6c…',
      'v1.30.5+k0s',
      'edge-fra-01-w-1',
    ]);
    expect(within(rows[3]).getByText('Not ready')).toBeInTheDocument();
    expect(within(rows[3]).getByText('unknown')).toBeInTheDocument();
  });

  it('explains an unknown digest on hover', async () => {
    await renderClusterCard(<NodesCard />, {
      api: fakeFleetApi(driftedClusterDetail),
    });
    const rows = await screen.findAllByTestId('node-row');
    await userEvent.hover(within(rows[3]).getByText('unknown'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'VMImage kairos-ubuntu-latest is tag-only',
    );
  });

  it('names the rule that tied each node to its VM, and says why none is', async () => {
    const [first, second, ...rest] = driftedClusterDetail.nodeStatuses;
    await renderClusterCard(<NodesCard />, {
      api: fakeFleetApi({
        ...driftedClusterDetail,
        nodeStatuses: [
          first,
          {
            ...second,
            virtualMachine: undefined,
            vmMatch: undefined,
            vmMatchProblem:
              'ambiguous: 2 VirtualMachines match by ip (a-vm-1, a-vm-clone)',
          },
          ...rest,
        ],
      }),
    });
    const rows = await screen.findAllByTestId('node-row');
    await userEvent.hover(within(rows[0]).getAllByText(first.name)[1]);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      `matched by name: node ${first.name} = VirtualMachine ${first.name}`,
    );
    const ambiguous = rows.find(row => within(row).queryByText(second.name))!;
    await userEvent.hover(within(ambiguous).getByText('ambiguous'));
    expect(
      await screen.findByText(
        'ambiguous: 2 VirtualMachines match by ip (a-vm-1, a-vm-clone)',
      ),
    ).toBeInTheDocument();
  });

  it('links to the scale template pre-filled for the cluster', async () => {
    await renderClusterCard(<NodesCard />, {
      api: fakeFleetApi(driftedClusterDetail),
    });
    const link = await screen.findByRole('link', { name: /Scale cluster/ });
    expect(link.getAttribute('href')).toBe(
      `/create/templates/default/scale-cluster?formData=${encodeURIComponent(
        JSON.stringify({
          cluster: 'edge-fra-01',
          namespace: 'fleet-demo',
          management: 'demo',
        }),
      )}`,
    );
  });

  it('shows an empty state for a cluster without nodes', async () => {
    await renderClusterCard(<NodesCard />, {
      api: fakeFleetApi(emptyClusterDetail),
    });
    expect(
      await screen.findByText('No nodes reported for this cluster'),
    ).toBeInTheDocument();
  });
});
