import type {
  NodeVmMatch,
  NodeVmMatchRule,
} from '@fleet-portal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';

export interface NodeVmAnswer {
  vm?: KubeObject;
  match?: NodeVmMatch;
  /** Why no VM is tied to the node. */
  problem?: string;
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.length > 0)
    : [];
}

function internalIps(node: KubeObject): string[] {
  const addresses = node.status?.addresses;
  return Array.isArray(addresses)
    ? addresses
        .filter(a => a?.type === 'InternalIP' && typeof a.address === 'string')
        .map(a => a.address as string)
    : [];
}

function vmIps(vm: KubeObject): string[] {
  const networks = Array.isArray(vm.spec?.networks) ? vm.spec.networks : [];
  return [
    ...stringsOf(vm.status?.ips),
    ...stringsOf(networks.map((n: any) => n?.ipAddress)),
  ];
}

/** `vsphere://4203…` and `4203…` both end with the provider's VM id. */
function providerIdMatches(providerId: string, vmId: string): boolean {
  return (
    providerId === vmId ||
    providerId.endsWith(`://${vmId}`) ||
    providerId.endsWith(`/${vmId}`)
  );
}

const vmName = (vm: KubeObject) => vm.metadata?.name ?? '';

interface Candidates {
  rule: NodeVmMatchRule;
  vms: KubeObject[];
  evidence: (vm: KubeObject) => string;
}

function candidatesFor(node: KubeObject, vms: KubeObject[]): Candidates[] {
  const name = node.metadata?.name ?? '';
  const providerId =
    typeof node.spec?.providerID === 'string' ? node.spec.providerID : '';
  const ips = internalIps(node);
  return [
    {
      rule: 'provider-id' as const,
      vms: providerId
        ? vms.filter(
            vm =>
              typeof vm.status?.id === 'string' &&
              vm.status.id.length > 0 &&
              providerIdMatches(providerId, vm.status.id),
          )
        : [],
      evidence: (vm: KubeObject) =>
        `spec.providerID ${providerId} = VirtualMachine ${vmName(
          vm,
        )} status.id`,
    },
    {
      rule: 'name' as const,
      vms: vms.filter(vm => vmName(vm) === name),
      evidence: (vm: KubeObject) =>
        `VirtualMachine ${vmName(vm)} has the node's name`,
    },
    {
      rule: 'ip' as const,
      vms: ips.length
        ? vms.filter(vm => vmIps(vm).some(ip => ips.includes(ip)))
        : [],
      evidence: (vm: KubeObject) =>
        `InternalIP ${vmIps(vm).find(ip =>
          ips.includes(ip),
        )} is an IP of VirtualMachine ${vmName(vm)}`,
    },
  ];
}

function answerFor(node: KubeObject, vms: KubeObject[]): NodeVmAnswer {
  const rules = candidatesFor(node, vms);
  const decisive = rules.find(r => r.vms.length > 0);
  if (!decisive)
    return {
      problem:
        vms.length === 0
          ? 'the cluster has no VirtualMachines'
          : "no VirtualMachine of the cluster matches the node's name, spec.providerID or InternalIP",
    };
  if (decisive.vms.length > 1)
    return {
      problem: `ambiguous: ${decisive.vms.length} VirtualMachines match by ${
        decisive.rule
      } (${decisive.vms.map(vmName).sort().join(', ')})`,
    };
  const [vm] = decisive.vms;
  const disagreeing = rules.find(
    r => r !== decisive && r.vms.length === 1 && r.vms[0] !== vm,
  );
  if (disagreeing)
    return {
      problem: `ambiguous: ${decisive.rule} matches VirtualMachine ${vmName(
        vm,
      )}, ${disagreeing.rule} matches ${vmName(disagreeing.vms[0])}`,
    };
  return {
    vm,
    match: { rule: decisive.rule, evidence: decisive.evidence(vm) },
  };
}

/**
 * Each node's VirtualMachine among the cluster's: by `spec.providerID`, else by name, else by
 * InternalIP. Several candidates, rules that disagree, or two nodes on one VM are reported as
 * ambiguous and tie the node to no VM, so no image is guessed from the wrong VM.
 */
export function matchNodesToVms(
  nodes: KubeObject[],
  vms: KubeObject[],
): Map<string, NodeVmAnswer> {
  const answers = new Map<string, NodeVmAnswer>();
  for (const node of nodes)
    answers.set(node.metadata?.name ?? '', answerFor(node, vms));
  const nodesByVm = new Map<KubeObject, string[]>();
  for (const [node, answer] of answers)
    if (answer.vm)
      nodesByVm.set(answer.vm, [...(nodesByVm.get(answer.vm) ?? []), node]);
  for (const [vm, names] of nodesByVm) {
    if (names.length < 2) continue;
    for (const name of names)
      answers.set(name, {
        problem: `ambiguous: VirtualMachine ${vmName(vm)} matches ${
          names.length
        } nodes (${[...names].sort().join(', ')})`,
      });
  }
  return answers;
}
