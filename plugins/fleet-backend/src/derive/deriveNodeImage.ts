import {
  FLEET_ANNOTATIONS,
  type FigureSource,
  type NodeImage,
} from '@fleet-portal/plugin-fleet-common';
import type { KubeObject } from '../reading/KubeReader';
import { parseImageReference } from './parseImageReference';
import { ReadContext, sourceOf, stringOrUndefined } from './source';

export interface NodeImageInputs {
  node: KubeObject;
  childRead: ReadContext;
  /** The node's VirtualMachine (by providerID, name or IP: matchNodesToVms), if one matched. */
  virtualMachine?: KubeObject;
  /** Why no VirtualMachine was tied to the node. */
  vmMatchProblem?: string;
  /** The VMImage the VirtualMachine's `spec.imageRef` names, if found. */
  vmImage?: KubeObject;
  managementRead: ReadContext;
  nodeOpUpgrades: KubeObject[];
}

export type UpgradePhase = 'completed' | 'failed' | 'in-progress';

export function upgradePhase(phase: unknown): UpgradePhase {
  const text = typeof phase === 'string' ? phase.toLowerCase() : '';
  if (['completed', 'complete', 'succeeded', 'success', 'done'].includes(text))
    return 'completed';
  if (text.includes('fail') || text.includes('error')) return 'failed';
  return 'in-progress';
}

/** The newest NodeOpUpgrade entry for a node, with its phase. */
export function latestUpgradeFor(
  nodeName: string,
  upgrades: KubeObject[],
): { upgrade: KubeObject; status: any; phase: UpgradePhase } | undefined {
  let latest:
    | { upgrade: KubeObject; status: any; phase: UpgradePhase }
    | undefined;
  for (const upgrade of upgrades) {
    const status = upgrade.status?.nodeStatuses?.[nodeName];
    if (!status || typeof status !== 'object') continue;
    const at = stringOrUndefined(status.lastUpdated) ?? '';
    const latestAt = stringOrUndefined(latest?.status.lastUpdated) ?? '';
    if (!latest || at > latestAt) {
      latest = { upgrade, status, phase: upgradePhase(status.phase) };
    }
  }
  return latest;
}

/**
 * Which Kairos OCI image a node runs, and how we know.
 *
 * No upstream component records the booted digest on the node, so the answer is derived, in this
 * order of precedence: the image of the newest completed Kairos `NodeOpUpgrade` for the node
 * (it replaced whatever the VM booted); else the `VMImage` its VirtRigaud `VirtualMachine` was
 * created from; else the `fleetportal.io/image-ref` annotation our cloud-config writes at boot.
 * A reference without a digest is reported as unknown digest, with the reference.
 */
export function deriveNodeImage(inputs: NodeImageInputs): NodeImage {
  const nodeName = inputs.node.metadata?.name ?? '';
  const sources: FigureSource[] = [];

  const latest = latestUpgradeFor(nodeName, inputs.nodeOpUpgrades);
  const completed = inputs.nodeOpUpgrades
    .map(upgrade => ({
      upgrade,
      status: upgrade.status?.nodeStatuses?.[nodeName],
    }))
    .filter(
      ({ status }) => status && upgradePhase(status.phase) === 'completed',
    )
    .sort((a, b) =>
      (stringOrUndefined(b.status.lastUpdated) ?? '').localeCompare(
        stringOrUndefined(a.status.lastUpdated) ?? '',
      ),
    )[0];
  if (completed) {
    const image = stringOrUndefined(completed.upgrade.spec?.image);
    const source = sourceOf(
      completed.upgrade,
      inputs.childRead,
      `spec.image (status.nodeStatuses.${nodeName}.phase=${completed.status.phase})`,
    );
    if (image) {
      return fromReference(image, 'nodeopupgrade', [source]);
    }
    sources.push(source);
  }

  if (inputs.virtualMachine) {
    const vmSource = sourceOf(
      inputs.virtualMachine,
      inputs.managementRead,
      'spec.imageRef.name',
    );
    const imageName = stringOrUndefined(
      inputs.virtualMachine.spec?.imageRef?.name,
    );
    if (!imageName) {
      sources.push(vmSource);
    } else if (!inputs.vmImage) {
      return {
        known: false,
        reason: `VirtualMachine ${inputs.virtualMachine.metadata?.name} names VMImage "${imageName}", which was not found`,
        sources: [...sources, vmSource],
      };
    } else {
      const pinned = vmImageReference(inputs.vmImage);
      const imageSource = sourceOf(
        inputs.vmImage,
        inputs.managementRead,
        pinned?.field ?? 'spec.source.registry.image',
      );
      if (pinned) {
        return fromReference(pinned.reference, 'virtualmachine', [
          ...sources,
          vmSource,
          imageSource,
        ]);
      }
      return {
        known: false,
        reason: `VMImage ${inputs.vmImage.metadata?.name} has no OCI registry source (spec.source.registry.image)`,
        sources: [...sources, vmSource, imageSource],
      };
    }
  }

  const annotated = stringOrUndefined(
    inputs.node.metadata?.annotations?.[FLEET_ANNOTATIONS.nodeImageRef],
  );
  if (annotated) {
    return fromReference(annotated, 'node-annotation', [
      ...sources,
      sourceOf(
        inputs.node,
        inputs.childRead,
        `metadata.annotations["${FLEET_ANNOTATIONS.nodeImageRef}"]`,
      ),
    ]);
  }

  const pending =
    latest && latest.phase !== 'completed'
      ? ` (a NodeOpUpgrade is ${latest.phase})`
      : '';
  return {
    known: false,
    reason: inputs.virtualMachine
      ? `VirtualMachine ${inputs.virtualMachine.metadata?.name} names no image${pending}`
      : `no VirtualMachine, completed NodeOpUpgrade or ${
          FLEET_ANNOTATIONS.nodeImageRef
        } annotation names this node's image${pending}${
          inputs.vmMatchProblem
            ? ` (VirtualMachine: ${inputs.vmMatchProblem})`
            : ''
        }`,
    sources,
  };
}

function fromReference(
  text: string,
  via: 'nodeopupgrade' | 'virtualmachine' | 'node-annotation',
  sources: FigureSource[],
): NodeImage {
  const parsed = parseImageReference(text);
  if (parsed?.digest) {
    return {
      known: true,
      reference: parsed.reference,
      repository: parsed.repository,
      digest: parsed.digest,
      via,
      sources,
    };
  }
  return {
    known: false,
    reason: parsed
      ? `the image is referenced by tag (${parsed.reference}), not by digest, so what it resolves to is not recorded`
      : `the image reference "${text.slice(
          0,
          200,
        )}" is not a valid OCI reference`,
    reference: parsed?.reference,
    sources,
  };
}

/**
 * The OCI reference a VMImage stands for. VirtRigaud's CRD (v0.3.x) only admits `repo:tag` in
 * `spec.source.registry.image`, so Fleet Portal writes the digest reference into the VMImage's
 * `fleetportal.io/image-ref` annotation as well; a digest found in either place wins over a tag.
 */
export function vmImageReference(
  vmImage: KubeObject,
): { reference: string; field: string } | undefined {
  const registry = stringOrUndefined(vmImage.spec?.source?.registry?.image);
  const annotated = stringOrUndefined(
    vmImage.metadata?.annotations?.[FLEET_ANNOTATIONS.nodeImageRef],
  );
  const registryField = 'spec.source.registry.image';
  const annotationField = `metadata.annotations["${FLEET_ANNOTATIONS.nodeImageRef}"]`;
  if (registry && parseImageReference(registry)?.digest)
    return { reference: registry.trim(), field: registryField };
  if (annotated && parseImageReference(annotated)?.digest)
    return { reference: annotated.trim(), field: annotationField };
  if (registry) return { reference: registry.trim(), field: registryField };
  if (annotated) return { reference: annotated.trim(), field: annotationField };
  return undefined;
}
