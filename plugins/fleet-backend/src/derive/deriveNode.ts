import type { KairosInfo, NodeStatus } from '@fleet-portal/plugin-fleet-common';
import { normalizeK0sVersion } from '@fleet-portal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';
import {
  deriveNodeImage,
  latestUpgradeFor,
  NodeImageInputs,
} from './deriveNodeImage';
import { findCondition, sourceOf, stringOrUndefined } from './source';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

export function nodeRoles(labels: Record<string, string> = {}): string[] {
  const roles = Object.keys(labels)
    .filter(key => key.startsWith(ROLE_PREFIX))
    .map(key => key.slice(ROLE_PREFIX.length) || labels[key])
    .filter(Boolean);
  return roles.length > 0 ? roles.sort() : ['worker'];
}

export function kairosInfo(node: KubeObject): KairosInfo {
  const labels = node.metadata?.labels ?? {};
  const annotations = node.metadata?.annotations ?? {};
  return {
    managed: labels['kairos.io/managed'] === 'true',
    version:
      stringOrUndefined(annotations['kairos.io/version']) ??
      stringOrUndefined(labels['kairos.io/release']),
    flavor: stringOrUndefined(labels['kairos.io/flavor']),
    flavorRelease: stringOrUndefined(labels['kairos.io/flavor-release']),
    variant: stringOrUndefined(labels['kairos.io/variant']),
    model: stringOrUndefined(labels['kairos.io/model']),
    arch: stringOrUndefined(labels['kairos.io/arch']),
    bootState: stringOrUndefined(labels['kairos.io/boot-state']),
    softwareVersion: stringOrUndefined(labels['kairos.io/software-version']),
  };
}

export function deriveNode(inputs: NodeImageInputs): NodeStatus {
  const { node } = inputs;
  const name = node.metadata?.name ?? 'unknown';
  const ready = findCondition(node, 'Ready')?.status === 'True';
  const kubelet = stringOrUndefined(node.status?.nodeInfo?.kubeletVersion);
  const latest = latestUpgradeFor(name, inputs.nodeOpUpgrades);
  return {
    name,
    roles: nodeRoles(node.metadata?.labels),
    ready,
    kubeletVersion: kubelet ? normalizeK0sVersion(kubelet) : 'unknown',
    kairos: kairosInfo(node),
    image: deriveNodeImage(inputs),
    virtualMachine: inputs.virtualMachine
      ? {
          namespace: inputs.virtualMachine.metadata?.namespace ?? '',
          name: inputs.virtualMachine.metadata?.name ?? '',
          phase: stringOrUndefined(inputs.virtualMachine.status?.phase),
        }
      : undefined,
    rollout:
      latest && latest.phase !== 'completed'
        ? {
            image: stringOrUndefined(latest.upgrade.spec?.image) ?? 'unknown',
            phase: stringOrUndefined(latest.status.phase) ?? 'unknown',
            message: stringOrUndefined(latest.status.message),
            nodeOpUpgrade: latest.upgrade.metadata?.name ?? '',
          }
        : undefined,
    source: sourceOf(node, inputs.childRead, 'status.nodeInfo.kubeletVersion'),
  };
}
