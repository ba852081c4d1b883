import { condition } from '../conditions';
import { apiVersionOf, TYPES } from '../resourceTypes';
import type { ClusterScenario, KubeObject } from '../types';
import {
  CURRENT_TEMPLATE,
  DESIRED_IMAGE_ANNOTATION,
  HOUR,
  MINUTE,
  NEXT_TEMPLATE,
  OWNER_ANNOTATION,
} from './constants';
import { planServices, serviceSpec, serviceStatus } from './clusterServices';
import type { ClusterPlan } from './planCluster';

export function clusterDeployment(
  plan: ClusterPlan,
  at: (m: number) => string,
): KubeObject {
  const created = at(-plan.createdAt);
  const settled = at(-plan.createdAt + 35 * MINUTE);
  const workers = plan.nodes.length - plan.cpCount;
  const has = (s: ClusterScenario) => plan.scenarios.includes(s);
  const failedNode = plan.nodes.find(n => !n.ready);
  const services = planServices(plan);
  const reported = serviceStatus(plan, services, at);
  const readyCondition = plan.ready
    ? condition('Ready', 'True', 'Succeeded', 'Object is ready', settled)
    : condition(
        'Ready',
        'False',
        'Failed',
        `CAPIClusterSummary: 1 of ${plan.nodes.length} machines are not ready: machine ${failedNode?.name} (VirtualMachine phase Failed)`,
        at(-3 * HOUR),
      );
  const status: Record<string, unknown> = {
    observedGeneration: plan.generation,
    conditions: [
      condition(
        'CredentialReady',
        'True',
        'Succeeded',
        'Credential is ready',
        settled,
      ),
      condition(
        'TemplateReady',
        'True',
        'Succeeded',
        'Template is valid',
        settled,
      ),
      condition(
        'HelmChartReady',
        'True',
        'Succeeded',
        'Helm chart is valid',
        settled,
      ),
      condition(
        'HelmReleaseReady',
        'True',
        'Succeeded',
        'Helm install succeeded',
        settled,
      ),
      plan.ready
        ? condition(
            'CAPIClusterSummary',
            'True',
            'Succeeded',
            'Cluster is ready',
            settled,
          )
        : condition(
            'CAPIClusterSummary',
            'False',
            'Failed',
            `machine ${failedNode?.name}: NodeHealthy False`,
            at(-3 * HOUR),
          ),
      reported.condition,
      readyCondition,
    ],
  };
  status.services = reported.services;
  if (has('available-upgrades')) status.availableUpgrades = [NEXT_TEMPLATE];
  return {
    apiVersion: apiVersionOf(TYPES.clusterDeployment),
    kind: 'ClusterDeployment',
    metadata: {
      name: plan.name,
      namespace: plan.namespace,
      creationTimestamp: created,
      generation: plan.generation,
      labels: {
        'app.kubernetes.io/managed-by': 'fleet-portal',
        'fleetportal.io/template': 'k0s-cluster',
        'fleetportal.io/team': plan.team,
      },
      annotations: {
        [DESIRED_IMAGE_ANNOTATION]: plan.desiredVmImage,
        [OWNER_ANNOTATION]: plan.owner,
        'fleetportal.io/requester': `user:default/${plan.team}-lead`,
      },
      finalizers: ['k0rdent.mirantis.com/cluster-deployment'],
    },
    spec: {
      template: CURRENT_TEMPLATE,
      credential: 'vsphere-cluster-identity-cred',
      propagateCredentials: true,
      config: {
        controlPlaneNumber: plan.cpCount,
        workersNumber: workers,
        clusterLabels: {
          'fleetportal.io/team': plan.team,
          'fleetportal.io/cluster': plan.name,
        },
        clusterAnnotations: { [OWNER_ANNOTATION]: plan.owner },
        clusterIdentity: { name: 'vsphere-cluster-identity' },
        controlPlaneEndpointIP: plan.endpointIp,
        vsphere: {
          server: 'vcenter.dc1.fleet.example.internal',
          datacenter: 'DC1',
          datastore: 'vsanDatastore',
          resourcePool: `/DC1/host/compute-a/Resources/${plan.team}`,
          folder: `/DC1/vm/fleet/${plan.team}`,
          thumbprint:
            '3C:58:2B:61:7A:0E:91:D4:55:0F:AB:7E:12:C9:83:6D:4A:27:9B:E0',
        },
        controlPlane: {
          cpus: 4,
          memory: 8192,
          rootVolumeSize: 60,
          network: 'fleet-net',
          vmTemplate: `/DC1/vm/templates/${plan.desiredVmImage}`,
          ssh: {
            user: 'kairos',
            publicKey:
              'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFleetPortalSimulatorKey fleet-portal',
          },
        },
        worker: {
          cpus: 8,
          memory: 16384,
          rootVolumeSize: 120,
          network: 'fleet-net',
          vmTemplate: `/DC1/vm/templates/${plan.desiredVmImage}`,
          ssh: {
            user: 'kairos',
            publicKey:
              'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFleetPortalSimulatorKey fleet-portal',
          },
        },
        k0s: { version: plan.desiredK0sVersion, arch: 'amd64' },
      },
      serviceSpec: serviceSpec(services),
    },
    status,
  };
}
