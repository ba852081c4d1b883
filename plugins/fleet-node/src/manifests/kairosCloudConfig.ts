import { FLEET_ANNOTATIONS } from '@fleet-portal/plugin-fleet-common';
import { toYaml } from '../yaml';

/**
 * The Kairos cloud-config a VM boots with.
 *
 * Join token (never in Git): the config writes `/etc/k0s/token` with the content
 * `${<joinTokenVariable>}`. That is a Flux post-build substitution variable: the Flux
 * Kustomization that applies `vms/` lists the referenced Kubernetes Secret under
 * `postBuild.substituteFrom`, so Flux fills the token in when it applies the cloud-config Secret
 * to the management cluster. The GitOps repo and every generated manifest only ever hold the
 * variable name. k0s reads the file through `--token-file /etc/k0s/token`.
 *
 * Image provenance: a systemd unit annotates the node (node name = hostname = VM name) with
 * `fleetportal.io/image-ref=<repo@sha256:…>`, retrying until the node has registered, using the
 * node's own credentials (a kubelet may annotate its own Node object).
 */

export const TOKEN_FILE = '/etc/k0s/token';
export const IMAGE_ANNOTATION_UNIT = 'fleetportal-image-ref.service';

export type NodeRole = 'controller' | 'worker';

/** `FLEET_JOIN_TOKEN_<CLUSTER>_<ROLE>`: the Flux substitution variable the token file is filled from. */
export function joinTokenVariable(cluster: string, role: string): string {
  return `FLEET_JOIN_TOKEN_${cluster}_${role}`.toUpperCase().replace(/-/g, '_');
}

export interface NodeUser {
  name: string;
  sshAuthorizedKeys: string[];
  groups: string[];
}

export interface CloudConfigSpec {
  hostname: string;
  role: NodeRole;
  users: NodeUser[];
  /** The digest-pinned OCI reference of the image the node boots. */
  imageReference: string;
  /** Flux substitution variable holding the join token, e.g. `FLEET_JOIN_TOKEN_PROD_EU1_WORKER`. */
  joinTokenVariable: string;
}

const KUBECONFIG_BY_ROLE: Record<NodeRole, string> = {
  controller: '/var/lib/k0s/pki/admin.conf',
  worker: '/var/lib/k0s/kubelet.conf',
};

const OCTAL_0600 = 0o600;
const OCTAL_0644 = 0o644;

/** Inputs reaching this text are validated to `[a-z0-9.-]` names and `[a-zA-Z0-9._/:@-]` references. */
function imageAnnotationUnit(spec: CloudConfigSpec): string {
  const command = [
    '/usr/bin/k0s kubectl',
    `--kubeconfig ${KUBECONFIG_BY_ROLE[spec.role]}`,
    'annotate --overwrite',
    `node ${spec.hostname}`,
    `${FLEET_ANNOTATIONS.nodeImageRef}=${spec.imageReference}`,
  ].join(' ');
  return [
    '[Unit]',
    'Description=Fleet Portal: record the booted image reference on the Kubernetes node',
    'After=network-online.target k0scontroller.service k0sworker.service',
    'Wants=network-online.target',
    '',
    '[Service]',
    'Type=oneshot',
    `ExecStart=${command}`,
    'Restart=on-failure',
    'RestartSec=30',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

export function buildCloudConfigObject(
  spec: CloudConfigSpec,
): Record<string, unknown> {
  const k0sKey = spec.role === 'controller' ? 'k0s' : 'k0s-worker';
  return {
    hostname: spec.hostname,
    users: spec.users.map(user => ({
      name: user.name,
      groups: [...user.groups],
      ssh_authorized_keys: [...user.sshAuthorizedKeys],
    })),
    [k0sKey]: {
      enabled: true,
      args: [`--token-file ${TOKEN_FILE}`],
    },
    stages: {
      initramfs: [
        {
          name: 'fleetportal-join-token',
          files: [
            {
              path: TOKEN_FILE,
              permissions: OCTAL_0600,
              content: `\${${spec.joinTokenVariable}}`,
            },
          ],
        },
        {
          name: 'fleetportal-image-ref',
          files: [
            {
              path: `/etc/systemd/system/${IMAGE_ANNOTATION_UNIT}`,
              permissions: OCTAL_0644,
              content: imageAnnotationUnit(spec),
            },
          ],
          systemctl: { enable: [IMAGE_ANNOTATION_UNIT] },
        },
      ],
    },
  };
}

/** The cloud-config file text: `#cloud-config` on the first line, then the YAML document. */
export function buildCloudConfigText(spec: CloudConfigSpec): string {
  return `#cloud-config\n${toYaml(buildCloudConfigObject(spec))}`;
}
