import { generateFleet } from '../generateFleet';
import { METALLB_WEBHOOK_FAILURE } from './clusterServices';

const deployments = (options = {}) =>
  generateFleet(options).mgmt.filter(o => o.kind === 'ClusterDeployment');

describe('services k0rdent deploys on the simulated clusters', () => {
  it('declares and reports the same services on every ClusterDeployment, some failed or provisioning', () => {
    const cds = deployments();
    const states = cds.flatMap(cd =>
      ((cd.status as any).services as any[]).map(s => s.state),
    );
    for (const cd of cds) {
      const declared = (cd.spec as any).serviceSpec.services.map(
        (s: any) => `${s.namespace}/${s.name}`,
      );
      const reported = (cd.status as any).services.map(
        (s: any) => `${s.namespace}/${s.name}`,
      );
      expect(reported).toEqual(declared);
      expect(declared).toEqual(
        expect.arrayContaining(['traefik/traefik', 'metallb-system/metallb']),
      );
    }
    expect(states.filter(s => s === 'Failed')).toHaveLength(2);
    expect(states.filter(s => s === 'Provisioning')).toHaveLength(2);
    const failed = cds
      .flatMap(cd => (cd.status as any).services as any[])
      .filter(s => s.state === 'Failed');
    for (const service of failed)
      expect(service.failureMessage).toBe(METALLB_WEBHOOK_FAILURE);
  });

  it('says in ServicesInReadyState how many are deployed', () => {
    for (const cd of deployments()) {
      const services = (cd.status as any).services as any[];
      const condition = (cd.status as any).conditions.find(
        (c: any) => c.type === 'ServicesInReadyState',
      );
      const deployed = services.filter(s => s.state === 'Deployed').length;
      expect(condition.message).toBe(`${deployed}/${services.length}`);
      expect(condition.status).toBe(
        deployed === services.length ? 'True' : 'False',
      );
      const failed = services.some(s => s.state === 'Failed');
      const reason = failed ? 'Failed' : 'Progressing';
      expect(condition.reason).toBe(
        deployed === services.length ? 'Succeeded' : reason,
      );
    }
  });

  it('gives the same services for the same fleet', () => {
    const services = (cds: ReturnType<typeof deployments>) =>
      cds.map(cd => (cd.status as any).services);
    expect(services(deployments({ seed: 3 }))).toEqual(
      services(deployments({ seed: 3 })),
    );
  });
});
