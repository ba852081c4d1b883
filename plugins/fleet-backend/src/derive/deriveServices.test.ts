import { clusterDeployment, mgmtRead } from '../__testUtils__/objects';
import type { KubeObject } from '../reading/KubeReader';
import { deriveDrift } from './deriveDrift';
import { deriveServices } from './deriveServices';

const TRANSITION = '2026-11-30T10:00:00Z';

function withServices(spec: unknown[], status: unknown[]): KubeObject {
  const cd = clusterDeployment('c1', { k0s: 'v1.32.4+k0s.0', ready: 'True' });
  cd.spec.serviceSpec = { services: spec };
  cd.status.services = status;
  return cd;
}

const reported = (
  name: string,
  namespace: string,
  state: string,
  extra: Record<string, unknown> = {},
) => ({
  name,
  namespace,
  template: `${name}-1-0-0`,
  version: '1.0.0',
  type: 'Helm',
  state,
  lastStateTransitionTime: TRANSITION,
  ...extra,
});

describe('deriveServices', () => {
  it('joins declared and reported services by name and namespace, each field with its source', () => {
    const cd = withServices(
      [
        { name: 'traefik', namespace: 'traefik', template: 'traefik-34-1-0' },
        {
          name: 'metallb',
          namespace: 'metallb-system',
          template: 'metallb-0-14-9',
          version: '0.14.9',
        },
      ],
      [
        reported('metallb', 'metallb-system', 'Failed', {
          template: 'metallb-0-14-9',
          version: '0.14.9',
          failureMessage: 'context deadline exceeded',
        }),
      ],
    );
    const services = deriveServices(cd, mgmtRead);
    expect(services.map(s => [s.namespace, s.name])).toEqual([
      ['metallb-system', 'metallb'],
      ['traefik', 'traefik'],
    ]);
    const [metallb, traefik] = services;
    expect(metallb).toMatchObject({
      declared: true,
      type: 'Helm',
      lastStateTransitionTime: TRANSITION,
      template: { value: 'metallb-0-14-9' },
      version: { value: '0.14.9' },
      state: { value: 'Failed' },
      failureMessage: { value: 'context deadline exceeded' },
    });
    expect(metallb.state!.source).toMatchObject({
      kind: 'ClusterDeployment',
      name: 'c1',
      namespace: 'team-a',
      field: 'status.services[0].state',
      readAt: mgmtRead.readAt,
    });
    expect(metallb.failureMessage!.source.field).toBe(
      'status.services[0].failureMessage',
    );
    expect(metallb.template.source.field).toBe('status.services[0].template');
    // Declared, not reported yet: the spec is the only source, and no state is made up.
    expect(traefik.state).toBeUndefined();
    expect(traefik.version).toBeUndefined();
    expect(traefik.template.source.field).toBe(
      'spec.serviceSpec.services[0].template',
    );
  });

  it('defaults the namespace as the CRD does and keeps services reported but not declared', () => {
    const cd = withServices(
      [{ name: 'ingress', template: 'ingress-nginx-4-11-0' }],
      [
        reported('ingress', 'default', 'Deployed'),
        reported('kyverno', 'kyverno', 'Provisioning'),
      ],
    );
    const services = deriveServices(cd, mgmtRead);
    expect(
      services.map(s => [s.name, s.namespace, s.declared, s.state?.value]),
    ).toEqual([
      ['ingress', 'default', true, 'Deployed'],
      ['kyverno', 'kyverno', false, 'Provisioning'],
    ]);
  });

  it('ignores entries without a name or template, and states the CRD does not know', () => {
    const cd = withServices(
      [{ template: 'no-name' }, { name: 'no-template' }, 'garbage'],
      [
        { state: 'Deployed', template: 'x' },
        reported('odd', 'odd', 'Exploded'),
      ],
    );
    const services = deriveServices(cd, mgmtRead);
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({ name: 'odd', declared: false });
    expect(services[0].state).toBeUndefined();
  });

  it('gives none for a ClusterDeployment without services', () => {
    const cd = clusterDeployment('c1');
    expect(deriveServices(cd, mgmtRead)).toEqual([]);
  });

  it('makes a failed service a service-failed finding with its state and message, and only that one', () => {
    const cd = withServices(
      [],
      [
        reported('traefik', 'traefik', 'Deployed'),
        reported('metallb', 'metallb-system', 'Failed', {
          failureMessage: 'cannot re-use a name that is still in use',
        }),
        reported('kyverno', 'kyverno', 'Provisioning'),
      ],
    );
    const drift = deriveDrift({
      health: { state: 'ready' },
      nodes: [],
      k0s: { running: [], availableUpgrades: undefined },
      dnsRecords: [],
      services: deriveServices(cd, mgmtRead),
    });
    expect(drift).toEqual([
      {
        type: 'service-failed',
        name: 'metallb',
        namespace: 'metallb-system',
        template: 'metallb-1-0-0',
        state: 'Failed',
        message: 'cannot re-use a name that is still in use',
      },
    ]);
  });
});
