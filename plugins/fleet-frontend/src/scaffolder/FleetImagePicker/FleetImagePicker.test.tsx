import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClusterInventoryResponse } from '@fleet-portal/plugin-fleet-common';
import {
  DESIRED_DIGEST,
  driftedClusterDetail,
} from '../../__fixtures__/clusterDetails';
import { shortDigest } from '../../lib/digest';
import { inventoryResponse } from '../../__fixtures__/inventory';
import {
  answerWith,
  fakeFleetApi,
} from '../../__testUtils__/renderClusterCard';
import { datalistOptions, renderField } from '../../__testUtils__/renderField';
import { responseError } from '../../__testUtils__/responses';
import { FleetImagePicker } from './FleetImagePicker';

function api(
  inventory: ClusterInventoryResponse | Promise<Error>,
  cluster: typeof driftedClusterDetail | Promise<Error> = driftedClusterDetail,
) {
  return fakeFleetApi(cluster, { listInventory: answerWith(inventory) });
}

async function imageInput() {
  await screen.findByTestId('fleet-field-options');
  return screen.getByLabelText(/VM image/, { selector: 'input' });
}

describe('FleetImagePicker', () => {
  it('suggests the VMImage names VMs use and takes what is typed', async () => {
    const fleet = api(inventoryResponse);
    const { onChange } = await renderField(FleetImagePicker, {
      api: fleet,
      title: 'VM image',
    });
    const input = await imageInput();
    expect(datalistOptions(input)).toEqual([
      {
        value: 'kairos-ubuntu-24-04-k0s-1-31',
        label: 'kairos-ubuntu-24-04-k0s-1-31 (3 VMs)',
      },
      { value: 'kairos-ubuntu-latest', label: 'kairos-ubuntu-latest (1 VM)' },
    ]);
    expect(fleet.getCluster).not.toHaveBeenCalled();
    await userEvent.type(input, 'kairos-next');
    expect(onChange).toHaveBeenLastCalledWith('kairos-next');
  });

  it("puts the form's cluster's desired VMImage first", async () => {
    const fleet = api(inventoryResponse);
    await renderField(FleetImagePicker, {
      api: fleet,
      title: 'VM image',
      formData: { cluster: 'edge-fra-01' },
    });
    expect(datalistOptions(await imageInput()).map(o => o.label)).toEqual([
      `kairos-ubuntu-24-04-k0s-1-31 (desired for edge-fra-01, 3 VMs, pins ${shortDigest(
        DESIRED_DIGEST,
      )})`,
      'kairos-ubuntu-latest (1 VM)',
    ]);
    expect(fleet.getCluster).toHaveBeenCalledWith(driftedClusterDetail.ref);
  });

  it("still lists the VMs' images when the cluster's detail cannot be read", async () => {
    await renderField(FleetImagePicker, {
      api: api(inventoryResponse, responseError(500, 'boom')),
      title: 'VM image',
      formData: { cluster: 'edge-fra-01' },
    });
    expect(datalistOptions(await imageInput()).map(o => o.value)).toEqual([
      'kairos-ubuntu-24-04-k0s-1-31',
      'kairos-ubuntu-latest',
    ]);
  });

  it('falls back to free text when the inventory cannot be read', async () => {
    await renderField(FleetImagePicker, {
      api: api(responseError(500, 'inventory unavailable')),
      title: 'VM image',
    });
    expect(await screen.findByTestId('fleet-field-fallback')).toHaveTextContent(
      'Could not read the fleet: inventory unavailable.',
    );
    expect(
      screen.getByLabelText(/VM image/, { selector: 'input' }),
    ).not.toHaveAttribute('list');
  });

  it('falls back to free text when no VM names an image', async () => {
    await renderField(FleetImagePicker, {
      api: api({ items: [] }),
      title: 'VM image',
    });
    expect(await screen.findByTestId('fleet-field-fallback')).toHaveTextContent(
      'No VM of the fleet names a VMImage yet.',
    );
  });
});
