import { kubeconfigSecret } from './kubeconfig';
import { createRng, hashHex, isoAt, stableUid } from './random';
import type {
  FleetGeneratorOptions,
  FleetModel,
  GeneratedCluster,
  KubeObject,
} from './types';
import { clusterDeployment } from './fleet/clusterDeployment';
import { controlPlane, virtualMachine } from './fleet/clusterMachines';
import { nodeObject, nodeOpUpgrade } from './fleet/childObjects';
import {
  DAY,
  KAIROS_REPOSITORY,
  MINUTE,
  RELEASES,
  tagOf,
  TEAMS,
  UNPINNED_SUFFIX,
  vmImageNameOf,
  ZONE_LABEL,
  type ReleaseKey,
} from './fleet/constants';
import { dnsRecordObjects, dnsZone } from './fleet/dnsObjects';
import {
  namespaces,
  teamCatalogue,
  vmImageObject,
} from './fleet/managementObjects';
import { assignScenarios } from './fleet/assignScenarios';
import {
  brownfieldClusterDeployment,
  brownfieldDnsRecord,
  brownfieldNode,
  brownfieldVirtualMachine,
  brownfieldVmName,
  isBrownfield,
} from './fleet/brownfield';
import { fleetClusterNames, placeholderAccess } from './fleet/clusterNames';
import { normalise } from './fleet/options';
import { placeInRegions, regionOfPlan } from './fleet/regions';

export { fleetClusterNames, placeholderAccess };
import { planCluster, type ImageInfo } from './fleet/planCluster';

export {
  BROWNFIELD_DNS_SUFFIX_ANNOTATION,
  REGION_BY_CLUSTER_DEPLOYMENT,
  REGION_BY_SECRET,
  CLUSTER_LABEL,
  CURRENT_TEMPLATE,
  DEFAULT_BASE_TIME,
  DESIRED_IMAGE_ANNOTATION,
  IMAGE_REF_ANNOTATION,
  KAIROS_REPOSITORY,
  MISSING_ZONE,
  NEXT_TEMPLATE,
  OWNER_ANNOTATION,
  ZONE_LABEL,
} from './fleet/constants';

/**
 * The demo fleet: ClusterDeployments and everything around them in the management cluster, each
 * child cluster's nodes and Kairos upgrades, and the bindy zones and records of the DNS cluster.
 * Pure: the same options give deep-equal objects (no clock, no Math.random).
 */
export function generateFleet(options: FleetGeneratorOptions = {}): FleetModel {
  const o = normalise(options);
  const rng = createRng(o.seed);
  const at = (offsetMinutes: number) => isoAt(o.baseMs, offsetMinutes);
  const named = fleetClusterNames(o.clusters);
  const access =
    options.access ??
    placeholderAccess(
      o.seed,
      named.map(n => n.name),
    );

  const scenarios = assignScenarios({
    clusters: named.length,
    recordsPerCluster: o.recordsPerCluster,
    brownfieldClusters: o.brownfieldClusters,
    regionalClusters: o.regionalClusters,
    rng,
  });

  // VMImages: every namespace holds the same catalogue.
  const imageInfo = (key: ReleaseKey): ImageInfo => {
    const release = RELEASES[key];
    const tagRef = `${KAIROS_REPOSITORY}:${tagOf(release)}`;
    const digest = `sha256:${hashHex('kairos-image', o.seed, tagOf(release))}`;
    return {
      name: vmImageNameOf(release),
      release,
      tagRef,
      digest,
      reference: `${KAIROS_REPOSITORY}@${digest}`,
    };
  };
  const images: Record<ReleaseKey, ImageInfo> = {
    previousOs: imageInfo('previousOs'),
    current: imageInfo('current'),
    olderK0s: imageInfo('olderK0s'),
    next: imageInfo('next'),
  };
  const unpinned: ImageInfo = {
    name: `${images.current.name}${UNPINNED_SUFFIX}`,
    release: RELEASES.current,
    tagRef: images.current.tagRef,
    reference: images.current.tagRef,
  };
  const allImages = [...Object.values(images), unpinned];

  const plans = named.map(({ name, team }, index) =>
    planCluster({
      name,
      team,
      index,
      scenarios: scenarios[index],
      nodesPerCluster: o.nodesPerCluster,
      images,
      unpinned,
      rng,
    }),
  );

  const mgmt: KubeObject[] = [];
  const dns: KubeObject[] = [];
  const children: Record<string, KubeObject[]> = {};
  const teamsUsed = TEAMS.filter(t => plans.some(p => p.teamInfo === t));

  mgmt.push(
    ...namespaces(
      [
        'default',
        'kube-system',
        'kcm-system',
        ...teamsUsed.map(t => t.namespace),
      ],
      at(-400 * DAY),
    ),
  );
  for (const team of teamsUsed) {
    mgmt.push(...teamCatalogue(team, at(-300 * DAY)));
    for (const image of allImages) {
      mgmt.push(
        vmImageObject(
          team.namespace,
          image,
          o.digestInRegistryImage,
          at(-60 * DAY),
        ),
      );
    }
  }
  for (const plan of plans) {
    const brownfield = isBrownfield(plan);
    const cd = clusterDeployment(plan, at);
    mgmt.push(brownfield ? brownfieldClusterDeployment(plan, cd) : cd);
    mgmt.push(controlPlane(plan, at));
    const secret = kubeconfigSecret({
      cluster: plan.name,
      namespace: plan.namespace,
      access,
      fault: o.faults[plan.name],
      creationTimestamp: at(-plan.createdAt + 20 * MINUTE),
    });
    if (secret) mgmt.push(secret);
    for (const node of plan.nodes) {
      const vm = virtualMachine(plan, node, at);
      mgmt.push(
        brownfield ? brownfieldVirtualMachine(plan, node, o.seed, vm) : vm,
      );
    }
    children[plan.name] = [
      ...namespaces(
        [
          'default',
          'kube-system',
          'kube-public',
          'kube-node-lease',
          'kairos-operator-system',
        ],
        at(-plan.createdAt + 30 * MINUTE),
      ),
      ...plan.nodes.map(node => {
        const object = nodeObject(plan, node, o.seed, at);
        return brownfield ? brownfieldNode(object) : object;
      }),
      ...plan.upgrades.map(u => nodeOpUpgrade(plan, u, at)),
    ];
  }

  // DNS: one zone per team, records per cluster.
  const dnsRecords = new Map<string, GeneratedCluster['dnsRecords']>();
  dns.push(
    ...namespaces(
      [
        'default',
        'kube-system',
        'bindy-system',
        ...teamsUsed.map(t => t.namespace),
      ],
      at(-400 * DAY),
    ),
  );
  const recordsByZone = new Map<string, KubeObject[]>();
  for (const plan of plans) {
    const records = dnsRecordObjects(plan, o.recordsPerCluster, at).map(r =>
      isBrownfield(plan) ? brownfieldDnsRecord(r) : r,
    );
    dnsRecords.set(
      plan.name,
      records.map(r => {
        const ready = (r.status as any).conditions[0];
        return {
          kind: r.kind,
          namespace: r.metadata.namespace!,
          name: r.metadata.name,
          synced:
            ready.status === 'True' &&
            (r.status as any).observedGeneration === r.metadata.generation,
          reason: ready.reason,
        };
      }),
    );
    for (const record of records) {
      const zone = record.metadata.labels![ZONE_LABEL];
      const inZone = recordsByZone.get(zone) ?? [];
      inZone.push(record);
      recordsByZone.set(zone, inZone);
    }
    dns.push(...records);
  }
  for (const team of teamsUsed)
    dns.push(dnsZone(team, recordsByZone.get(team.zone) ?? [], at));

  const regions = placeInRegions({
    plans,
    mgmt,
    children,
    access,
    at: at(-200 * DAY),
  });

  const clusters: GeneratedCluster[] = plans.map(p => ({
    name: p.name,
    namespace: p.namespace,
    team: p.team,
    owner: p.owner,
    scenarios: p.scenarios,
    ...regionOfPlan(p, mgmt),
    desiredK0sVersion: p.desiredK0sVersion,
    controlPlaneVersion: p.controlPlaneVersion,
    desiredVmImage: p.desiredVmImage,
    desiredImage: p.desiredImage,
    ready: p.ready,
    zone: p.zone,
    nodes: p.nodes.map(n => ({
      name: n.name,
      role: n.role,
      vmImage: n.vmImage,
      runningImage: n.runningImage,
      kubeletVersion: n.kubeletVersion,
      ready: n.ready,
      ip: n.ip,
      ...(isBrownfield(p) ? { vmName: brownfieldVmName(p, n) } : {}),
    })),
    dnsRecords: dnsRecords.get(p.name) ?? [],
  }));

  const assignUids = (scope: string, objects: KubeObject[]) =>
    objects.forEach(obj => {
      obj.metadata.uid = stableUid(
        o.seed,
        scope,
        obj.apiVersion,
        obj.kind,
        obj.metadata.namespace ?? '',
        obj.metadata.name,
      );
    });
  assignUids('mgmt', mgmt);
  assignUids('dns', dns);
  Object.entries(children).forEach(([name, objects]) =>
    assignUids(`cluster:${name}`, objects),
  );
  Object.entries(regions).forEach(([name, objects]) =>
    assignUids(`region:${name}`, objects),
  );

  return {
    seed: o.seed,
    baseTime: o.baseTime,
    clusters,
    images: teamsUsed.flatMap(t =>
      allImages.map(i => ({
        namespace: t.namespace,
        name: i.name,
        reference: i.reference,
        digest: i.digest,
      })),
    ),
    mgmt,
    dns,
    children,
    regions,
  };
}
