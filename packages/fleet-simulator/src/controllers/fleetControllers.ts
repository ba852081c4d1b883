import { apiVersionOf, TYPES } from '../resourceTypes';
import type { KubeObject } from '../types';
import { stepClusters } from './clusterController';
import { ControllerContext } from './context';
import { stepDns } from './dnsController';
import { stepImages, stepMachines } from './machineController';

/**
 * The simulated k0rdent, Cluster API, VirtRigaud, Kairos and bindy controllers. Each `step()`
 * moves every object that Git changed one step closer to what it asks for (one node of a
 * rollout, one machine added or drained, a VM booted, a record pushed), so the fleet converges
 * over several steps, as the real one does, instead of jumping.
 */
export class FleetControllers {
  private readonly machines = new Map<
    string,
    { cluster?: string; name: string; object: KubeObject }
  >();

  /** Call before Flux first applies Git: what the generated fleet shows now counts as done. */
  constructor(private readonly ctx: ControllerContext) {
    ctx.observed.remember('mgmt', ctx.management.list());
    ctx.observed.remember('dns', ctx.dns.list());
    for (const vm of ctx.management.list({
      apiVersion: apiVersionOf(TYPES.virtualMachine),
      kind: 'VirtualMachine',
    }))
      this.machines.set(`${vm.metadata.namespace}/${vm.metadata.name}`, {
        cluster:
          vm.metadata.labels?.['fleetportal.io/cluster'] ??
          vm.metadata.labels?.['cluster.x-k8s.io/cluster-name'],
        name: vm.metadata.name,
        object: vm,
      });
  }

  step(): void {
    stepImages(this.ctx);
    stepClusters(this.ctx);
    stepMachines(this.ctx, this.machines);
    stepDns(this.ctx);
  }
}
