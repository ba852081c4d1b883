import { ApiHolder } from '@backstage/core-plugin-api';
import { ClusterListResponse } from '@fleet-portal/plugin-fleet-common';
import { clusterListResponse } from '../../__fixtures__/clusterList';
import {
  answerWith,
  fakeFleetApi,
} from '../../__testUtils__/renderClusterCard';
import { responseError } from '../../__testUtils__/responses';
import { FleetApi, fleetApiRef } from '../../api';
import { validateK0sVersionField } from './validateK0sVersionField';

async function validate(
  value: string,
  options: {
    api?: FleetApi;
    formData?: Record<string, string>;
    clusterField?: string;
  } = {},
): Promise<string[]> {
  const errors: string[] = [];
  const apiHolder: ApiHolder = {
    get: (ref: { id: string }) =>
      ref.id === fleetApiRef.id ? options.api : undefined,
  } as ApiHolder;
  await validateK0sVersionField(
    value,
    { addError: (message: string) => errors.push(message) } as any,
    {
      apiHolder,
      formData: options.formData ?? {},
      schema: {},
      uiSchema: {
        'ui:options': options.clusterField
          ? { clusterField: options.clusterField }
          : {},
      },
    },
  );
  return errors;
}

const fleet = () =>
  fakeFleetApi('pending', { listClusters: answerWith(clusterListResponse) });

describe('validateK0sVersionField', () => {
  it('rejects what is not a k0s version', async () => {
    expect(await validate('1.31.2')).toEqual([
      '"1.31.2" is not a k0s version like v1.31.2+k0s.0.',
    ]);
  });

  it('accepts a version when no cluster is named', async () => {
    expect(await validate('v1.31.2+k0s.0', { api: fleet() })).toEqual([]);
  });

  it("rejects a version that is not a valid upgrade from the cluster's desired one", async () => {
    const options = {
      api: fleet(),
      clusterField: 'cluster',
      formData: { cluster: 'retail-nyc-07' },
    };
    expect(await validate('v1.32.1+k0s.0', options)).toEqual([
      expect.stringMatching(/^Not a valid upgrade: .*skips minor version/),
    ]);
    expect(await validate('v1.31.2+k0s.1', options)).toEqual([]);
  });

  it('checks only the spelling when the fleet cannot be read', async () => {
    const api = fakeFleetApi('pending', {
      listClusters: answerWith<ClusterListResponse>(
        responseError(403, 'denied'),
      ),
    });
    expect(
      await validate('v1.20.0+k0s.0', {
        api,
        clusterField: 'cluster',
        formData: { cluster: 'retail-nyc-07' },
      }),
    ).toEqual([]);
  });
});
