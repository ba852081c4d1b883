import {
  ClusterService,
  countServices,
} from '@fleet-portal/plugin-fleet-common';
import { managementSource } from '../__fixtures__/sources';
import { deriveServicesView, matchesServicesFilter } from './services';

function service(
  name: string,
  state?: NonNullable<ClusterService['state']>['value'],
): ClusterService {
  const source = managementSource(
    'ClusterDeployment',
    'fleet-demo',
    'edge-fra-01',
    'status.services[0].state',
  );
  return {
    name,
    namespace: name,
    template: { value: `${name}-1-0-0`, source },
    state: state ? { value: state, source } : undefined,
    declared: true,
  };
}

describe('services helpers', () => {
  it('orders failed, provisioning and unreported before deployed, and counts them', () => {
    const view = deriveServicesView({
      services: [
        service('traefik', 'Deployed'),
        service('metallb', 'Failed'),
        service('kyverno'),
        service('cert-manager', 'Provisioning'),
      ],
    });
    expect(view.services.map(s => s.name)).toEqual([
      'metallb',
      'cert-manager',
      'kyverno',
      'traefik',
    ]);
    expect(view).toMatchObject({
      reported: true,
      total: 4,
      deployed: 1,
      failed: 1,
      provisioning: 1,
    });
  });

  it('tells a backend that reports no services from a cluster that has none', () => {
    expect(deriveServicesView({}).reported).toBe(false);
    expect(deriveServicesView({ services: [] }).reported).toBe(true);
  });

  it('filters clusters by failed or provisioning services', () => {
    const failed = countServices([
      service('traefik', 'Deployed'),
      service('metallb', 'Failed'),
    ]);
    const provisioning = countServices([service('traefik', 'Provisioning')]);
    const fine = countServices([service('traefik', 'Deployed')]);
    expect(matchesServicesFilter(failed, 'failed')).toBe(true);
    expect(matchesServicesFilter(provisioning, 'failed')).toBe(false);
    expect(matchesServicesFilter(provisioning, 'provisioning')).toBe(true);
    expect(matchesServicesFilter(failed, 'not-deployed')).toBe(true);
    expect(matchesServicesFilter(provisioning, 'not-deployed')).toBe(true);
    expect(matchesServicesFilter(fine, 'not-deployed')).toBe(false);
    expect(matchesServicesFilter(undefined, 'not-deployed')).toBe(false);
  });
});
