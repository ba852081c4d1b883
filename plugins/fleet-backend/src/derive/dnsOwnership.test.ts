import type { DnsOwnershipRule } from '@fleet-portal/plugin-fleet-common';
import { dnsRead } from '../__testUtils__/objects';
import type { KubeObject } from '../reading/KubeReader';
import { assignDnsRecords, type DnsRecordRead } from './dnsOwnership';

function cd(
  name: string,
  namespace: string,
  meta: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  } = {},
): KubeObject {
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'ClusterDeployment',
    metadata: { name, namespace, ...meta },
  };
}

function record(
  name: string,
  spec: { name: string; zone: string },
  labels: Record<string, string> = {},
): DnsRecordRead {
  return {
    kind: 'ARecord',
    read: dnsRead,
    object: {
      apiVersion: 'bindy.firestoned.io/v1beta1',
      kind: 'ARecord',
      metadata: { name, namespace: 'dns-system', labels },
      spec: { name: spec.name, ipv4Address: '10.0.0.1' },
      status: { zone: spec.zone },
    },
  };
}

const fleetLabel: DnsOwnershipRule = {
  type: 'label',
  key: 'fleetportal.io/cluster',
};
const suffixAnnotation: DnsOwnershipRule = {
  type: 'fqdn-suffix',
  from: 'example.com/dns-suffix',
};

describe('assignDnsRecords', () => {
  it('gives a labelled record to the cluster the label names', () => {
    const { byCluster } = assignDnsRecords(
      [
        record(
          'api-c1',
          { name: 'api', zone: 'c1.example.com' },
          { 'fleetportal.io/cluster': 'c1' },
        ),
      ],
      [cd('c1', 'team-a'), cd('c2', 'team-a')],
      [fleetLabel],
    );
    expect([...byCluster.keys()]).toEqual(['team-a/c1']);
    const entry = byCluster.get('team-a/c1')!;
    expect(entry.records[0].ownedBy).toEqual({
      rule: fleetLabel,
      evidence: 'label fleetportal.io/cluster=c1',
    });
    expect([...entry.zones]).toEqual(['c1.example.com']);
  });

  it('gives an unlabelled record to the cluster whose suffix its FQDN ends with, the longest winning', () => {
    const { byCluster, problemsByCluster } = assignDnsRecords(
      [
        record('legacy-api', { name: 'api.edge-1', zone: 'corp.example.' }),
        record('legacy-www', { name: 'www', zone: 'corp.example.' }),
        record('unrelated', { name: 'mail', zone: 'other.example.' }),
      ],
      [
        cd('edge-1', 'tenant-edge', {
          annotations: { 'example.com/dns-suffix': 'edge-1.corp.example.' },
        }),
        cd('corp', 'kcm-system', {
          labels: { 'example.com/dns-suffix': 'corp.example' },
        }),
      ],
      [fleetLabel, suffixAnnotation],
    );
    expect(
      byCluster
        .get('tenant-edge/edge-1')!
        .records.map(r => [r.object.metadata?.name, r.ownedBy.evidence]),
    ).toEqual([
      [
        'legacy-api',
        'FQDN api.edge-1.corp.example ends with edge-1.corp.example (example.com/dns-suffix of the ClusterDeployment)',
      ],
    ]);
    expect(
      byCluster
        .get('kcm-system/corp')!
        .records.map(r => r.object.metadata?.name),
    ).toEqual(['legacy-www']);
    expect(problemsByCluster.size).toBe(0);
  });

  it('lets the first claiming rule decide', () => {
    const { byCluster } = assignDnsRecords(
      [
        record(
          'api',
          { name: 'api', zone: 'edge-1.example.com' },
          { 'fleetportal.io/cluster': 'c1' },
        ),
      ],
      [
        cd('c1', 'team-a'),
        cd('edge-1', 'team-a', {
          labels: { 'example.com/dns-suffix': 'edge-1.example.com' },
        }),
      ],
      [fleetLabel, suffixAnnotation],
    );
    expect([...byCluster.keys()]).toEqual(['team-a/c1']);
  });

  it('reports a record two clusters claim to both and lists it under neither', () => {
    const { byCluster, problemsByCluster } = assignDnsRecords(
      [
        record(
          'api',
          { name: 'api', zone: 'z.example.' },
          { 'fleetportal.io/cluster': 'tooling-1' },
        ),
      ],
      [cd('tooling-1', 'team-a'), cd('tooling-1', 'team-b')],
      [fleetLabel],
    );
    expect(byCluster.size).toBe(0);
    const problem =
      'ARecord dns-system/api is claimed by 2 clusters (team-a/tooling-1, team-b/tooling-1) through label fleetportal.io/cluster=tooling-1: it is listed under none';
    expect(problemsByCluster.get('team-a/tooling-1')).toEqual([problem]);
    expect(problemsByCluster.get('team-b/tooling-1')).toEqual([problem]);
  });

  it('leaves a record no rule claims unassigned', () => {
    const { byCluster, problemsByCluster } = assignDnsRecords(
      [record('orphan', { name: 'x', zone: 'nowhere.example.' })],
      [cd('c1', 'team-a')],
      [fleetLabel, suffixAnnotation],
    );
    expect(byCluster.size).toBe(0);
    expect(problemsByCluster.size).toBe(0);
  });
});
