import {
  childRead,
  IMAGE_A,
  IMAGE_B,
  mgmtRead,
  node,
  nodeOpUpgrade,
  vm,
  vmImage,
} from '../__testUtils__/objects';
import { deriveNodeImage } from './deriveNodeImage';

const base = { childRead, managementRead: mgmtRead, nodeOpUpgrades: [] };

describe('deriveNodeImage', () => {
  it('reads the digest from the VirtualMachine → VMImage chain, naming both sources', () => {
    const image = deriveNodeImage({
      ...base,
      node: node('n1'),
      virtualMachine: vm('n1', 'img-a'),
      vmImage: vmImage('img-a', IMAGE_A),
    });
    expect(image).toMatchObject({
      known: true,
      reference: IMAGE_A,
      digest: `sha256:${'a'.repeat(64)}`,
      via: 'virtualmachine',
    });
    expect(image.sources.map(s => `${s.kind}/${s.name}:${s.field}`)).toEqual([
      'VirtualMachine/n1:spec.imageRef.name',
      'VMImage/img-a:spec.source.registry.image',
    ]);
    expect(image.sources[0].readFrom).toEqual({
      scope: 'management',
      cluster: 'mgmt',
    });
  });

  it('lets a completed NodeOpUpgrade supersede the VM image, the newest one winning', () => {
    const upgrades = [
      nodeOpUpgrade('old', IMAGE_A, {
        n1: { phase: 'Completed', lastUpdated: '2026-10-01T00:00:00Z' },
      }),
      nodeOpUpgrade('new', IMAGE_B, {
        n1: { phase: 'Completed', lastUpdated: '2026-10-05T00:00:00Z' },
      }),
    ];
    const image = deriveNodeImage({
      ...base,
      node: node('n1'),
      nodeOpUpgrades: upgrades,
      virtualMachine: vm('n1', 'img-a'),
      vmImage: vmImage('img-a', IMAGE_A),
    });
    expect(image).toMatchObject({
      known: true,
      reference: IMAGE_B,
      via: 'nodeopupgrade',
    });
    expect(image.sources[0]).toMatchObject({
      kind: 'NodeOpUpgrade',
      name: 'new',
      readFrom: childRead.readFrom,
    });
  });

  it('ignores upgrades still running or failed', () => {
    const upgrades = [
      nodeOpUpgrade('running', IMAGE_B, {
        n1: { phase: 'Running', lastUpdated: '2026-10-05T00:00:00Z' },
      }),
      nodeOpUpgrade('failed', IMAGE_B, {
        n1: { phase: 'Failed', lastUpdated: '2026-10-06T00:00:00Z' },
      }),
    ];
    const image = deriveNodeImage({
      ...base,
      node: node('n1'),
      nodeOpUpgrades: upgrades,
      virtualMachine: vm('n1', 'img-a'),
      vmImage: vmImage('img-a', IMAGE_A),
    });
    expect(image).toMatchObject({
      known: true,
      reference: IMAGE_A,
      via: 'virtualmachine',
    });
  });

  it('reads the digest from the VMImage annotation when the CRD only admits a tag in registry.image', () => {
    const tagOnly = vmImage(
      'img-a',
      'registry.example.com/kairos/rhel9-k0s:v3.2.1',
    );
    tagOnly.metadata!.annotations = { 'fleetportal.io/image-ref': IMAGE_A };
    const image = deriveNodeImage({
      ...base,
      node: node('n1'),
      virtualMachine: vm('n1', 'img-a'),
      vmImage: tagOnly,
    });
    expect(image).toMatchObject({
      known: true,
      reference: IMAGE_A,
      via: 'virtualmachine',
    });
    expect(image.sources[1].field).toBe(
      'metadata.annotations["fleetportal.io/image-ref"]',
    );
  });

  it('falls back to the node annotation written by the cloud-config', () => {
    const image = deriveNodeImage({
      ...base,
      node: node('n1', {
        annotations: { 'fleetportal.io/image-ref': IMAGE_B },
      }),
    });
    expect(image).toMatchObject({
      known: true,
      reference: IMAGE_B,
      via: 'node-annotation',
    });
  });

  it('says why the digest is unknown', () => {
    expect(deriveNodeImage({ ...base, node: node('n1') })).toMatchObject({
      known: false,
      reason: expect.stringContaining('no VirtualMachine'),
    });
    expect(
      deriveNodeImage({
        ...base,
        node: node('n1'),
        virtualMachine: vm('n1', 'img-tag'),
        vmImage: vmImage('img-tag', 'registry.example.com/kairos/rhel9:v3.1'),
      }),
    ).toMatchObject({
      known: false,
      reference: 'registry.example.com/kairos/rhel9:v3.1',
      reason: expect.stringContaining('by tag'),
    });
    expect(
      deriveNodeImage({
        ...base,
        node: node('n1'),
        virtualMachine: vm('n1', 'missing'),
      }),
    ).toMatchObject({
      known: false,
      reason: expect.stringContaining('not found'),
    });
    expect(
      deriveNodeImage({
        ...base,
        node: node('n1'),
        virtualMachine: vm('n1', 'iso'),
        vmImage: vmImage('iso', undefined),
      }),
    ).toMatchObject({
      known: false,
      reason: expect.stringContaining('no OCI registry source'),
    });
  });
});
