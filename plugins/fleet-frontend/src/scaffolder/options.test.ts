import { clusterListResponse } from '../__fixtures__/clusterList';
import {
  driftedClusterDetail,
  healthyClusterDetail,
} from '../__fixtures__/clusterDetails';
import { inventoryResponse } from '../__fixtures__/inventory';
import {
  clusterOptions,
  desiredVmImageName,
  findNamedCluster,
  k0sVersionOptions,
  vmImageOptions,
  zoneOptions,
} from './options';

const clusters = clusterListResponse.items;
const inventory = inventoryResponse.items;

describe('findNamedCluster', () => {
  it('matches by name, and by namespace when the form has one', () => {
    expect(findNamedCluster(clusters, { name: 'core-ams-02' })?.id).toBe(
      'mgmt-eu/kcm-system/core-ams-02',
    );
    expect(
      findNamedCluster(clusters, { name: 'core-ams-02', namespace: 'other' }),
    ).toBeUndefined();
    expect(findNamedCluster(clusters, { name: '' })).toBeUndefined();
    expect(findNamedCluster(clusters, undefined)).toBeUndefined();
  });
});

describe('clusterOptions', () => {
  it('offers every cluster by name with namespace, management and health, sorted', () => {
    expect(clusterOptions(clusters)).toEqual([
      {
        value: 'core-ams-02',
        label: 'core-ams-02 (kcm-system, mgmt-eu): ready',
      },
      {
        value: 'edge-fra-01',
        label: expect.stringMatching(/^edge-fra-01 \(fleet-demo, demo\): /),
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
  });
});

describe('zoneOptions', () => {
  it('lists each zone once, sorted, with the clusters using it', () => {
    expect(zoneOptions(inventory)).toEqual([
      {
        value: 'ams.internal.example.com',
        label: 'ams.internal.example.com (used by core-ams-02)',
      },
      {
        value: 'fleet.example.com',
        label: 'fleet.example.com (used by edge-fra-01, core-ams-02)',
      },
      {
        value: 'lis.example.com',
        label: 'lis.example.com (used by new-lis-01)',
      },
    ]);
  });

  it("puts the named cluster's zones first", () => {
    expect(
      zoneOptions(inventory, { name: 'core-ams-02' }).map(o => o.label),
    ).toEqual([
      'ams.internal.example.com (zone of core-ams-02)',
      'fleet.example.com (zone of core-ams-02)',
      'lis.example.com (used by new-lis-01)',
    ]);
  });

  it('ignores a named cluster the fleet does not have', () => {
    expect(zoneOptions(inventory, { name: 'nope' })).toEqual(
      zoneOptions(inventory),
    );
  });
});

describe('k0sVersionOptions', () => {
  it('offers desired and exact versions once each, newest first, and no ClusterTemplate name', () => {
    expect(k0sVersionOptions(clusters)).toEqual([
      {
        value: 'v1.31.2+k0s.1',
        label: 'v1.31.2+k0s.1 (desired, exact build)',
      },
      { value: 'v1.31.2+k0s.0', label: 'v1.31.2+k0s.0 (exact build)' },
      { value: 'v1.30.5+k0s.0', label: 'v1.30.5+k0s.0 (desired, exact build)' },
    ]);
  });

  it('keeps only valid upgrades from the current version', () => {
    expect(
      k0sVersionOptions(clusters, 'v1.31.2+k0s.0').map(o => o.value),
    ).toEqual(['v1.31.2+k0s.1']);
    expect(
      k0sVersionOptions(clusters, 'v1.30.5+k0s.0').map(o => o.value),
    ).toEqual(['v1.31.2+k0s.1', 'v1.31.2+k0s.0']);
  });

  it('treats -k0s.N as +k0s.N and skips what is not a version', () => {
    const [cluster] = clusters;
    expect(
      k0sVersionOptions([
        {
          ...cluster,
          k0s: {
            desired: 'v1.33.0-k0s.2',
            exactBuild: 'latest',
            running: [],
            availableUpgrades: [],
          },
        },
      ]),
    ).toEqual([{ value: 'v1.33.0+k0s.2', label: 'v1.33.0+k0s.2 (desired)' }]);
  });
});

describe('vmImageOptions', () => {
  it('lists VMImage names used by VMs with their counts', () => {
    expect(vmImageOptions(inventory)).toEqual([
      {
        value: 'kairos-ubuntu-24-04-k0s-1-31',
        label: 'kairos-ubuntu-24-04-k0s-1-31 (3 VMs)',
      },
      { value: 'kairos-ubuntu-latest', label: 'kairos-ubuntu-latest (1 VM)' },
    ]);
  });

  it("puts a cluster's desired image first, even when no VM uses it yet", () => {
    expect(
      vmImageOptions(inventory, {
        image: 'kairos-next',
        cluster: 'edge-fra-01',
      }).map(o => o.label),
    ).toEqual([
      'kairos-next (desired for edge-fra-01, 0 VMs)',
      'kairos-ubuntu-24-04-k0s-1-31 (3 VMs)',
      'kairos-ubuntu-latest (1 VM)',
    ]);
  });

  it('shows the digest the desired image pins, when known', () => {
    expect(
      vmImageOptions(inventory, {
        image: 'kairos-ubuntu-24-04-k0s-1-31',
        cluster: 'edge-fra-01',
        digest: `sha256:${'1a2b3c4d5e'.repeat(6)}1a2b`,
      })[0],
    ).toEqual({
      value: 'kairos-ubuntu-24-04-k0s-1-31',
      label:
        'kairos-ubuntu-24-04-k0s-1-31 (desired for edge-fra-01, 3 VMs, pins sha256:1a2b3c4d…)',
    });
  });
});

describe('desiredVmImageName', () => {
  it('reads the VMImage the desired image came from', () => {
    expect(desiredVmImageName(driftedClusterDetail)).toBe(
      'kairos-ubuntu-24-04-k0s-1-31',
    );
    expect(desiredVmImageName({})).toBeUndefined();
    expect(
      desiredVmImageName({
        desiredImageFigure: {
          ...healthyClusterDetail.desiredImageFigure!,
          source: { kind: 'NodeOpUpgrade', name: 'x' },
        },
      }),
    ).toBeUndefined();
  });
});
