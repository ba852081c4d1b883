import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClusterInventoryResponse } from '@fleet-portal/plugin-fleet-common';
import { inventoryResponse } from '../../__fixtures__/inventory';
import {
  answerWith,
  fakeFleetApi,
} from '../../__testUtils__/renderClusterCard';
import { datalistOptions, renderField } from '../../__testUtils__/renderField';
import { responseError } from '../../__testUtils__/responses';
import { FleetDnsZonePicker } from './FleetDnsZonePicker';

function api(answer: ClusterInventoryResponse | Promise<Error>) {
  return fakeFleetApi('pending', { listInventory: answerWith(answer) });
}

async function zoneInput() {
  await screen.findByTestId('fleet-field-options');
  return screen.getByLabelText(/DNS zone/, { selector: 'input' });
}

describe('FleetDnsZonePicker', () => {
  it('suggests every zone of the fleet and takes what is typed', async () => {
    const { onChange } = await renderField(FleetDnsZonePicker, {
      api: api(inventoryResponse),
      title: 'DNS zone',
    });
    const input = await zoneInput();
    expect(datalistOptions(input).map(o => o.value)).toEqual([
      'ams.internal.example.com',
      'fleet.example.com',
      'lis.example.com',
    ]);
    await userEvent.type(input, 'new.example.com');
    expect(onChange).toHaveBeenLastCalledWith('new.example.com');
  });

  it("lists the form's cluster's zones first", async () => {
    await renderField(FleetDnsZonePicker, {
      api: api(inventoryResponse),
      title: 'DNS zone',
      formData: { cluster: 'core-ams-02', namespace: 'kcm-system' },
    });
    expect(datalistOptions(await zoneInput()).map(o => o.label)).toEqual([
      'ams.internal.example.com (zone of core-ams-02)',
      'fleet.example.com (zone of core-ams-02)',
      'lis.example.com (used by new-lis-01)',
    ]);
  });

  it('reads the cluster from the field ui:options.clusterField names', async () => {
    await renderField(FleetDnsZonePicker, {
      api: api(inventoryResponse),
      title: 'DNS zone',
      uiOptions: { clusterField: 'target' },
      formData: { cluster: 'core-ams-02', target: 'new-lis-01' },
    });
    expect(datalistOptions(await zoneInput())[0].label).toBe(
      'lis.example.com (zone of new-lis-01)',
    );
  });

  it('falls back to free text when the inventory is forbidden', async () => {
    const { onChange } = await renderField(FleetDnsZonePicker, {
      api: api(responseError(403, 'denied')),
      title: 'DNS zone',
    });
    expect(await screen.findByTestId('fleet-field-fallback')).toHaveTextContent(
      'you lack permission to read the fleet',
    );
    await userEvent.type(
      screen.getByLabelText(/DNS zone/, { selector: 'input' }),
      'example.com',
    );
    expect(onChange).toHaveBeenLastCalledWith('example.com');
  });

  it('falls back to free text when the fleet has no zone', async () => {
    await renderField(FleetDnsZonePicker, {
      api: api({ items: [] }),
      title: 'DNS zone',
    });
    expect(await screen.findByTestId('fleet-field-fallback')).toHaveTextContent(
      'The fleet serves no DNS zone yet.',
    );
  });
});
