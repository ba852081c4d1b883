import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClusterListResponse } from '@fleet-portal/plugin-fleet-common';
import { clusterListResponse } from '../../__fixtures__/clusterList';
import {
  answerWith,
  fakeFleetApi,
} from '../../__testUtils__/renderClusterCard';
import { datalistOptions, renderField } from '../../__testUtils__/renderField';
import { responseError } from '../../__testUtils__/responses';
import { FleetClusterPicker } from './FleetClusterPicker';

function api(answer: ClusterListResponse | Promise<Error> | 'pending') {
  return fakeFleetApi('pending', { listClusters: answerWith(answer) });
}

describe('FleetClusterPicker', () => {
  it('suggests every cluster with namespace, management and health, and takes what is typed', async () => {
    const { onChange } = await renderField(FleetClusterPicker, {
      api: api(clusterListResponse),
      title: 'Cluster',
      description: 'The cluster to change',
    });
    const input = screen.getByLabelText(/Cluster/, { selector: 'input' });
    await screen.findByTestId('fleet-field-options');
    expect(datalistOptions(input)).toEqual([
      {
        value: 'core-ams-02',
        label: 'core-ams-02 (kcm-system, mgmt-eu): ready',
      },
      {
        value: 'edge-fra-01',
        label: expect.stringContaining('(fleet-demo, demo)'),
      },
      {
        value: 'new-lis-01',
        label: expect.stringContaining('(kcm-system, mgmt-eu)'),
      },
      {
        value: 'retail-nyc-07',
        label: 'retail-nyc-07 (kcm-system, mgmt-us): not-ready',
      },
    ]);
    expect(screen.getByText('The cluster to change')).toBeInTheDocument();

    await userEvent.type(input, 'edge-fra-01');
    expect(onChange).toHaveBeenLastCalledWith('edge-fra-01');
    expect(input).toHaveValue('edge-fra-01');
    expect(screen.queryByText(/is not a cluster of the fleet/)).toBeNull();
  });

  it('lets a name the fleet does not list be typed, and says so', async () => {
    const { onChange } = await renderField(FleetClusterPicker, {
      api: api(clusterListResponse),
      title: 'Cluster',
    });
    await screen.findByTestId('fleet-field-options');
    await userEvent.type(
      screen.getByLabelText(/Cluster/, { selector: 'input' }),
      'brand-new',
    );
    expect(onChange).toHaveBeenLastCalledWith('brand-new');
    expect(
      screen.getByText('brand-new is not a cluster of the fleet yet.'),
    ).toBeInTheDocument();
  });

  it('offers only listed clusters when arbitrary values are not allowed', async () => {
    const { onChange } = await renderField(FleetClusterPicker, {
      api: api(clusterListResponse),
      title: 'Cluster',
      uiOptions: { allowArbitraryValues: false },
    });
    const select = await screen.findByRole('combobox', { name: /Cluster/ });
    expect(select.tagName).toBe('SELECT');
    expect(
      within(select)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual([
      'Choose…',
      'core-ams-02 (kcm-system, mgmt-eu): ready',
      expect.stringContaining('edge-fra-01'),
      expect.stringContaining('new-lis-01'),
      'retail-nyc-07 (kcm-system, mgmt-us): not-ready',
    ]);
    await userEvent.selectOptions(select, 'retail-nyc-07');
    expect(onChange).toHaveBeenLastCalledWith('retail-nyc-07');
  });

  it('keeps a pre-filled name the fleet lacks visible in the select', async () => {
    await renderField(FleetClusterPicker, {
      api: api(clusterListResponse),
      title: 'Cluster',
      value: 'gone-01',
      uiOptions: { allowArbitraryValues: false },
    });
    const select = await screen.findByRole('combobox', { name: /Cluster/ });
    expect(select).toHaveValue('gone-01');
    expect(
      within(select).getByRole('option', {
        name: 'gone-01 (not in the fleet)',
      }),
    ).toBeInTheDocument();
  });

  it('says it is reading the fleet while it loads, input still usable', async () => {
    await renderField(FleetClusterPicker, {
      api: api('pending'),
      title: 'Cluster',
    });
    expect(screen.getByText('Reading the fleet…')).toBeInTheDocument();
    expect(
      screen.getByLabelText(/Cluster/, { selector: 'input' }),
    ).toBeEnabled();
  });

  it.each([
    [
      'forbidden',
      () => responseError(403, 'denied'),
      /you lack permission to read the fleet/,
    ],
    ['failing', () => responseError(500, 'backend down'), /backend down/],
  ])(
    'falls back to free text when the fleet is %s',
    async (_, error, reason) => {
      const { onChange } = await renderField(FleetClusterPicker, {
        api: api(error()),
        title: 'Cluster',
        uiOptions: { allowArbitraryValues: false },
      });
      const fallback = await screen.findByTestId('fleet-field-fallback');
      expect(fallback).toHaveTextContent(reason);
      expect(fallback).toHaveTextContent('Type the value instead.');
      const input = screen.getByLabelText(/Cluster/, { selector: 'input' });
      expect(input).not.toHaveAttribute('list');
      await userEvent.type(input, 'edge-fra-01');
      expect(onChange).toHaveBeenLastCalledWith('edge-fra-01');
    },
  );

  it('falls back to free text when the fleet has no cluster', async () => {
    await renderField(FleetClusterPicker, {
      api: api({ items: [], sources: [] }),
      title: 'Cluster',
      uiOptions: { allowArbitraryValues: false },
    });
    expect(await screen.findByTestId('fleet-field-fallback')).toHaveTextContent(
      'The fleet has no clusters yet. Type the value instead.',
    );
    expect(
      screen.getByLabelText(/Cluster/, { selector: 'input' }),
    ).toBeInTheDocument();
  });
});
