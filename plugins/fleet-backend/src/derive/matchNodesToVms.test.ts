import type { KubeObject } from '../reading/KubeReader';
import { matchNodesToVms } from './matchNodesToVms';

function nodeObject(
  name: string,
  opts: { providerID?: string; ip?: string } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    spec: opts.providerID ? { providerID: opts.providerID } : {},
    status: opts.ip
      ? {
          addresses: [
            { type: 'Hostname', address: name },
            { type: 'InternalIP', address: opts.ip },
          ],
        }
      : {},
  };
}

function vmObject(
  name: string,
  opts: { id?: string; ips?: string[]; specIp?: string } = {},
): KubeObject {
  return {
    apiVersion: 'infra.virtrigaud.io/v1beta1',
    kind: 'VirtualMachine',
    metadata: { name, namespace: 'team-a' },
    spec: opts.specIp
      ? { networks: [{ name: 'lan', ipAddress: opts.specIp }] }
      : {},
    status: { id: opts.id, ips: opts.ips },
  };
}

describe('matchNodesToVms', () => {
  it('matches by spec.providerID ending with the VM id, whatever the names', () => {
    const answers = matchNodesToVms(
      [nodeObject('ip-10-0-0-5', { providerID: 'vsphere://4203-aa' })],
      [vmObject('legacy-worker-7', { id: '4203-aa' })],
    );
    expect(answers.get('ip-10-0-0-5')).toEqual({
      vm: expect.objectContaining({
        metadata: expect.objectContaining({ name: 'legacy-worker-7' }),
      }),
      match: {
        rule: 'provider-id',
        evidence:
          'spec.providerID vsphere://4203-aa = VirtualMachine legacy-worker-7 status.id',
      },
    });
  });

  it('matches by name when there is no provider id', () => {
    const answers = matchNodesToVms(
      [nodeObject('w-1')],
      [vmObject('w-0'), vmObject('w-1')],
    );
    expect(answers.get('w-1')?.match?.rule).toBe('name');
    expect(answers.get('w-1')?.vm?.metadata?.name).toBe('w-1');
  });

  it("matches by InternalIP against the VM's reported or configured IPs", () => {
    const answers = matchNodesToVms(
      [
        nodeObject('node-a', { ip: '10.0.0.5' }),
        nodeObject('node-b', { ip: '10.0.0.6' }),
      ],
      [
        vmObject('vm-a', { ips: ['10.0.0.5'] }),
        vmObject('vm-b', { specIp: '10.0.0.6' }),
      ],
    );
    expect(answers.get('node-a')).toMatchObject({
      match: {
        rule: 'ip',
        evidence: 'InternalIP 10.0.0.5 is an IP of VirtualMachine vm-a',
      },
    });
    expect(answers.get('node-b')?.vm?.metadata?.name).toBe('vm-b');
  });

  it('reports several VMs sharing an IP as ambiguous and ties none', () => {
    const answers = matchNodesToVms(
      [nodeObject('node-a', { ip: '10.0.0.5' })],
      [
        vmObject('vm-a', { ips: ['10.0.0.5'] }),
        vmObject('vm-b', { ips: ['10.0.0.5'] }),
      ],
    );
    expect(answers.get('node-a')).toEqual({
      problem: 'ambiguous: 2 VirtualMachines match by ip (vm-a, vm-b)',
    });
  });

  it('reports rules that name different VMs instead of trusting the first', () => {
    const answers = matchNodesToVms(
      [nodeObject('w-1', { providerID: 'vsphere://id-2' })],
      [vmObject('w-1'), vmObject('w-2', { id: 'id-2' })],
    );
    expect(answers.get('w-1')).toEqual({
      problem:
        'ambiguous: provider-id matches VirtualMachine w-2, name matches w-1',
    });
  });

  it('reports two nodes on one VM for both nodes', () => {
    const answers = matchNodesToVms(
      [
        nodeObject('node-a', { ip: '10.0.0.5' }),
        nodeObject('node-b', { ip: '10.0.0.5' }),
      ],
      [vmObject('vm-a', { ips: ['10.0.0.5'] })],
    );
    const problem =
      'ambiguous: VirtualMachine vm-a matches 2 nodes (node-a, node-b)';
    expect(answers.get('node-a')).toEqual({ problem });
    expect(answers.get('node-b')).toEqual({ problem });
  });

  it('says why a node has no VM', () => {
    expect(matchNodesToVms([nodeObject('n')], []).get('n')).toEqual({
      problem: 'the cluster has no VirtualMachines',
    });
    expect(
      matchNodesToVms(
        [nodeObject('n', { ip: '1.2.3.4' })],
        [vmObject('x')],
      ).get('n'),
    ).toEqual({
      problem:
        "no VirtualMachine of the cluster matches the node's name, spec.providerID or InternalIP",
    });
  });
});
