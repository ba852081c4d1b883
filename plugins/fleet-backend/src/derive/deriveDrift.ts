import type {
  ClusterHealth,
  ClusterService,
  DnsRecordStatus,
  DriftFinding,
  K0sVersions,
  NodeStatus,
} from '@fleet-portal/plugin-fleet-common';
import { sameK0sVersion } from '@fleet-portal/plugin-fleet-common';

export interface DriftInputs {
  health: ClusterHealth;
  desiredImage?: string;
  nodes: NodeStatus[];
  k0s: K0sVersions;
  dnsRecords: DnsRecordStatus[];
  services?: ClusterService[];
}

/** Every way the running cluster differs from what Git says it should be, as typed findings. */
export function deriveDrift(inputs: DriftInputs): DriftFinding[] {
  const findings: DriftFinding[] = [];
  if (inputs.health.state === 'not-ready') {
    findings.push({
      type: 'cluster-not-ready',
      reason: inputs.health.reason,
      message: inputs.health.message,
    });
  }
  for (const node of inputs.nodes) {
    if (!node.image.known) {
      findings.push({
        type: 'node-image-unknown',
        node: node.name,
        reason: node.image.reason,
      });
    } else if (
      inputs.desiredImage &&
      node.image.reference !== inputs.desiredImage
    ) {
      findings.push({
        type: 'node-image',
        node: node.name,
        desired: inputs.desiredImage,
        actual: node.image.reference,
      });
    }
  }
  const desired = inputs.k0s.desired?.value;
  if (desired) {
    for (const group of inputs.k0s.running) {
      if (!sameK0sVersion(group.version, desired)) {
        findings.push({
          type: 'k0s-version',
          desired,
          running: group.version,
          nodes: group.nodes,
        });
      }
    }
    const build = inputs.k0s.exactBuild?.value;
    if (build && !sameK0sVersion(build, desired)) {
      findings.push({ type: 'k0s-build', desired, actual: build });
    }
  }
  for (const record of inputs.dnsRecords) {
    if (!record.synced) {
      findings.push({
        type: 'dns-unsynced',
        kind: record.kind,
        namespace: record.namespace,
        name: record.name,
        fqdn: record.fqdn,
        reason: record.staleGeneration ? 'StaleGeneration' : record.reason,
      });
    }
  }
  for (const service of inputs.services ?? []) {
    if (service.state?.value === 'Failed') {
      findings.push({
        type: 'service-failed',
        name: service.name,
        namespace: service.namespace,
        template: service.template.value,
        state: 'Failed',
        message: service.failureMessage?.value,
      });
    }
  }
  return findings;
}
