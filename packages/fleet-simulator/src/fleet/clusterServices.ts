import { condition } from '../conditions';
import { HOUR, MINUTE } from './constants';
import type { ClusterPlan } from './planCluster';

/** A service k0rdent deploys on the simulated clusters, from a ServiceTemplate of its catalog. */
interface ServiceCatalogEntry {
  name: string;
  namespace: string;
  template: string;
  version: string;
}

const TRAEFIK: ServiceCatalogEntry = {
  name: 'traefik',
  namespace: 'traefik',
  template: 'traefik-37-1-1',
  version: '37.1.1',
};
const METALLB: ServiceCatalogEntry = {
  name: 'metallb',
  namespace: 'metallb-system',
  template: 'metallb-0-15-2',
  version: '0.15.2',
};
const CERT_MANAGER: ServiceCatalogEntry = {
  name: 'cert-manager',
  namespace: 'cert-manager',
  template: 'cert-manager-v1-18-2',
  version: 'v1.18.2',
};

/** What MetalLB's Helm install reports when its webhook is not serving yet. */
export const METALLB_WEBHOOK_FAILURE =
  'Internal error occurred: failed calling webhook "ipaddresspoolvalidationwebhook.metallb.io": ' +
  'failed to call webhook: Post "https://metallb-webhook-service.metallb-system.svc:443/validate-metallb-io-v1beta1-ipaddresspool?timeout=10s": ' +
  'dial tcp 10.96.118.42:443: connect: connection refused';

export type SimulatedServiceState = 'Deployed' | 'Provisioning' | 'Failed';

export interface ServicePlan extends ServiceCatalogEntry {
  state: SimulatedServiceState;
  failureMessage?: string;
}

/**
 * The services of a cluster, by its place in the fleet (no random draw, so the rest of the
 * fleet is generated as before): Traefik and MetalLB everywhere, cert-manager on every other
 * cluster; MetalLB failed on every fifth cluster from the third, Traefik still provisioning on
 * every fifth from the fifth.
 */
export function planServices(plan: Pick<ClusterPlan, 'index'>): ServicePlan[] {
  const services: ServicePlan[] = [
    {
      ...TRAEFIK,
      state: plan.index % 5 === 4 ? 'Provisioning' : 'Deployed',
    },
    plan.index % 5 === 2
      ? { ...METALLB, state: 'Failed', failureMessage: METALLB_WEBHOOK_FAILURE }
      : { ...METALLB, state: 'Deployed' },
  ];
  if (plan.index % 2 === 1)
    services.push({ ...CERT_MANAGER, state: 'Deployed' });
  return services;
}

/** `spec.serviceSpec`: what Git asks k0rdent to deploy. */
export function serviceSpec(services: ServicePlan[]) {
  return {
    services: services.map(s => ({
      name: s.name,
      namespace: s.namespace,
      template: s.template,
    })),
  };
}

/** `status.services` and the `ServicesInReadyState` condition k0rdent reports for them. */
export function serviceStatus(
  plan: Pick<ClusterPlan, 'createdAt'>,
  services: ServicePlan[],
  at: (m: number) => string,
) {
  const settled = at(-plan.createdAt + 40 * MINUTE);
  const recent = at(-2 * HOUR);
  const deployed = services.filter(s => s.state === 'Deployed').length;
  const failed = services.some(s => s.state === 'Failed');
  return {
    services: services.map(s => ({
      name: s.name,
      namespace: s.namespace,
      template: s.template,
      version: s.version,
      type: 'Helm',
      state: s.state,
      ...(s.failureMessage ? { failureMessage: s.failureMessage } : {}),
      lastStateTransitionTime: s.state === 'Deployed' ? settled : recent,
    })),
    condition:
      deployed === services.length
        ? condition(
            'ServicesInReadyState',
            'True',
            'Succeeded',
            `${deployed}/${services.length}`,
            settled,
          )
        : condition(
            'ServicesInReadyState',
            'False',
            failed ? 'Failed' : 'Progressing',
            `${deployed}/${services.length}`,
            recent,
          ),
  };
}
