import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClusterListResponse } from '@fleet-portal/plugin-fleet-common';
import { clusterListResponse } from '../../__fixtures__/clusterList';
import {
  answerWith,
  fakeFleetApi,
} from '../../__testUtils__/renderClusterCard';
import { datalistOptions, renderField } from '../../__testUtils__/renderField';
import { responseError } from '../../__testUtils__/responses';
import { FleetK0sVersionPicker } from './FleetK0sVersionPicker';

function api(answer: ClusterListResponse | Promise<Error>) {
  return fakeFleetApi('pending', { listClusters: answerWith(answer) });
}

async function versionInput() {
  await screen.findByTestId('fleet-field-options');
  return screen.getByLabelText(/k0s version/, { selector: 'input' });
}

describe('FleetK0sVersionPicker', () => {
  it('suggests every version the fleet mentions, newest first', async () => {
    await renderField(FleetK0sVersionPicker, {
      api: api(clusterListResponse),
      title: 'k0s version',
      formData: { cluster: 'edge-fra-01' },
    });
    expect(datalistOptions(await versionInput()).map(o => o.value)).toEqual([
      'v1.31.2+k0s.1',
      'v1.31.2+k0s.0',
      'v1.30.5+k0s.0',
    ]);
  });

  it("offers only valid upgrades from the cluster's desired version, and says which that is", async () => {
    await renderField(FleetK0sVersionPicker, {
      api: api(clusterListResponse),
      title: 'k0s version',
      uiOptions: { clusterField: 'cluster' },
      formData: { cluster: 'retail-nyc-07' },
    });
    const input = await versionInput();
    expect(datalistOptions(input).map(o => o.value)).toEqual([
      'v1.31.2+k0s.1',
      'v1.31.2+k0s.0',
    ]);
    expect(
      screen.getByText(
        'retail-nyc-07 is at v1.30.5+k0s.0 now; the versions listed are valid upgrades from it.',
      ),
    ).toBeInTheDocument();
  });

  it('shows an error for an unparsable version and accepts a valid one', async () => {
    const { onChange } = await renderField(FleetK0sVersionPicker, {
      api: api(clusterListResponse),
      title: 'k0s version',
    });
    const input = await versionInput();
    await userEvent.type(input, '1.31');
    expect(onChange).toHaveBeenLastCalledWith('1.31');
    expect(
      screen.getByText('"1.31" is not a k0s version like v1.31.2+k0s.0.'),
    ).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(input);
    await userEvent.type(input, 'v1.33.0+k0s.0');
    expect(screen.queryByText(/is not a k0s version/)).toBeNull();
    expect(input).toHaveAttribute('aria-invalid', 'false');
  });

  it('flags a typed version that is not a valid upgrade for the cluster', async () => {
    await renderField(FleetK0sVersionPicker, {
      api: api(clusterListResponse),
      title: 'k0s version',
      uiOptions: { clusterField: 'target' },
      formData: { target: 'retail-nyc-07' },
    });
    await userEvent.type(await versionInput(), 'v1.29.9+k0s.0');
    expect(
      screen.getByText(/Not a valid upgrade: v1\.29\.9\+k0s\.0 is older/),
    ).toBeInTheDocument();
  });

  it('says when the named cluster is not in the fleet and lists everything', async () => {
    await renderField(FleetK0sVersionPicker, {
      api: api(clusterListResponse),
      title: 'k0s version',
      uiOptions: { clusterField: 'cluster' },
      formData: { cluster: 'nope' },
    });
    expect(datalistOptions(await versionInput())).toHaveLength(3);
    expect(
      screen.getByText(
        'nope is not in the fleet: every known version is listed.',
      ),
    ).toBeInTheDocument();
  });

  it('falls back to free text, still checking the spelling, when the fleet is forbidden', async () => {
    await renderField(FleetK0sVersionPicker, {
      api: api(responseError(403, 'denied')),
      title: 'k0s version',
      uiOptions: { clusterField: 'cluster' },
      formData: { cluster: 'edge-fra-01' },
    });
    expect(await screen.findByTestId('fleet-field-fallback')).toHaveTextContent(
      'you lack permission to read the fleet',
    );
    await userEvent.type(
      screen.getByLabelText(/k0s version/, { selector: 'input' }),
      'latest',
    );
    expect(
      screen.getByText('"latest" is not a k0s version like v1.31.2+k0s.0.'),
    ).toBeInTheDocument();
  });

  it('falls back to free text when no valid upgrade is known', async () => {
    await renderField(FleetK0sVersionPicker, {
      api: api({
        items: clusterListResponse.items.filter(
          c => c.ref.name === 'core-ams-02',
        ),
        sources: [],
      }),
      title: 'k0s version',
      uiOptions: { clusterField: 'cluster' },
      formData: { cluster: 'core-ams-02' },
    });
    expect(await screen.findByTestId('fleet-field-fallback')).toHaveTextContent(
      'The fleet knows no valid upgrade from v1.31.2+k0s.1.',
    );
  });
});
