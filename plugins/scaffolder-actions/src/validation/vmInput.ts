import { NodeRole, NodeUser } from '@fleet-portal/plugin-fleet-node';
import { VmNetwork } from '../manifests/virtualMachine';
import { optionalTargetPath } from './common';
import { fieldError, fieldPath } from './fieldError';
import { requireDigestReference } from './imageReference';
import {
  requireDnsLabel,
  requireDnsSubdomain,
  requireNamespace,
} from './names';
import { parseCidr, requireIPv4 } from './network';
import {
  optionalArray,
  optionalInteger,
  rejectUnknownKeys,
  requireArray,
  requireObject,
  requireOneOf,
  requireString,
} from './primitives';
import { requireSshPublicKey } from './sshPublicKey';

export interface VmInput {
  cluster: string;
  /** The management cluster holding the cluster (for the permission check); the fleet's only one when absent. */
  management?: string;
  namespace: string;
  pool: string;
  /** Undefined: one VM named after the pool; N: `<pool>-1..N`. */
  count?: number;
  role: NodeRole;
  provider: string;
  vmClass: string;
  image: string;
  /** Given: checked against the VMImage's pin. Absent: read from the VMImage in the checkout. */
  imageReference?: string;
  networks: Array<
    VmNetwork & { poolAddress?: { first: number; prefix: number } }
  >;
  users: NodeUser[];
  joinTokenSecret: string;
  targetPath: string;
}

export const MAX_POOL_SIZE = 50;
const LINUX_NAME = /^[a-z_][a-z0-9_-]{0,31}$/;
const KNOWN_INPUTS = [
  'cluster',
  'namespace',
  'name',
  'count',
  'role',
  'provider',
  'vmClass',
  'image',
  'imageReference',
  'networks',
  'users',
  'joinTokenSecret',
  'targetPath',
  'management',
];
const NETWORK_KEYS = ['name', 'networkRef', 'address', 'gateway', 'dns'];
const USER_KEYS = ['name', 'sshAuthorizedKeys', 'groups'];

function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export function numberToIPv4(n: number): string {
  return [24, 16, 8, 0]
    .map(shift => Math.floor(n / 2 ** shift) % 256)
    .join('.');
}

function requireLinuxName(value: unknown, field: string): string {
  const text = requireString(value, field);
  if (!LINUX_NAME.test(text)) {
    throw fieldError(
      field,
      'must be a Linux user/group name: 1-32 of a-z, 0-9, "_", "-", starting with a letter or "_"',
    );
  }
  return text;
}

function validateNetwork(raw: unknown, field: string, vmCount: number) {
  const network = requireObject(raw, field);
  rejectUnknownKeys(network, field, NETWORK_KEYS);
  const out: VmInput['networks'][number] = {
    name: requireDnsLabel(network.name, fieldPath(field, 'name')),
  };
  if (network.networkRef !== undefined) {
    out.networkRef = requireDnsLabel(
      network.networkRef,
      fieldPath(field, 'networkRef'),
    );
  }
  if (network.address !== undefined) {
    const addressField = fieldPath(field, 'address');
    const cidr = parseCidr(requireString(network.address, addressField));
    if (!cidr || cidr.family !== 4 || cidr.prefix < 1) {
      throw fieldError(
        addressField,
        'must be an IPv4 address with prefix like 10.0.0.10/24 (VirtRigaud takes IPv4 only)',
      );
    }
    const first = ipv4ToNumber(cidr.address);
    const size = 2 ** (32 - cidr.prefix);
    const networkStart = first - (first % size);
    const last = first + vmCount - 1;
    const usable =
      cidr.prefix >= 31
        ? last < networkStart + size
        : first > networkStart && last < networkStart + size - 1;
    if (!usable) {
      throw fieldError(
        addressField,
        `the ${vmCount} consecutive address(es) from ${
          cidr.address
        } must be host addresses inside ${numberToIPv4(networkStart)}/${
          cidr.prefix
        }`,
      );
    }
    out.poolAddress = { first, prefix: cidr.prefix };
  }
  if (network.gateway !== undefined)
    out.gateway = requireIPv4(network.gateway, fieldPath(field, 'gateway'));
  const dns = optionalArray(network.dns, fieldPath(field, 'dns'), 1, 3);
  if (dns)
    out.dns = dns.map((ip, i) =>
      requireIPv4(ip, fieldPath(fieldPath(field, 'dns'), i)),
    );
  return out;
}

function validateUser(raw: unknown, field: string): NodeUser {
  const user = requireObject(raw, field);
  rejectUnknownKeys(user, field, USER_KEYS);
  const keysField = fieldPath(field, 'sshAuthorizedKeys');
  const groupsField = fieldPath(field, 'groups');
  return {
    name: requireLinuxName(user.name, fieldPath(field, 'name')),
    sshAuthorizedKeys: requireArray(
      user.sshAuthorizedKeys,
      keysField,
      1,
      20,
    ).map((key, i) => requireSshPublicKey(key, fieldPath(keysField, i))),
    groups: (optionalArray(user.groups, groupsField, 0, 10) ?? []).map(
      (group, i) => requireLinuxName(group, fieldPath(groupsField, i)),
    ),
  };
}

export function validateVmInput(raw: unknown): VmInput {
  const input = requireObject(raw, 'input');
  rejectUnknownKeys(input, '', KNOWN_INPUTS);
  const count = optionalInteger(input.count, 'count', 1, MAX_POOL_SIZE);
  const suffix = count === undefined ? 0 : String(count).length + 1;
  // The VM name is also the hostname and the Kubernetes node name; its Secret adds "-cloud-config".
  const pool = requireDnsLabel(input.name, 'name', 63 - suffix);
  const networks = requireArray(input.networks, 'networks', 1, 10).map(
    (network, i) =>
      validateNetwork(network, fieldPath('networks', i), count ?? 1),
  );
  const names = new Set<string>();
  networks.forEach((network, i) => {
    if (names.has(network.name))
      throw fieldError(
        fieldPath(fieldPath('networks', i), 'name'),
        'must be unique',
      );
    names.add(network.name);
  });
  const users = requireArray(input.users, 'users', 1, 10).map((user, i) =>
    validateUser(user, fieldPath('users', i)),
  );
  return {
    cluster: requireDnsLabel(input.cluster, 'cluster'),
    namespace: requireNamespace(input.namespace),
    pool,
    count,
    role: requireOneOf(input.role, 'role', ['controller', 'worker'] as const),
    provider: requireDnsLabel(input.provider, 'provider'),
    vmClass: requireDnsLabel(input.vmClass, 'vmClass'),
    image: requireDnsLabel(input.image, 'image'),
    imageReference:
      input.imageReference === undefined
        ? undefined
        : requireDigestReference(input.imageReference, 'imageReference')
            .reference,
    networks,
    users,
    joinTokenSecret: requireDnsSubdomain(
      input.joinTokenSecret,
      'joinTokenSecret',
    ),
    targetPath: optionalTargetPath(input.targetPath),
    management:
      input.management === undefined || input.management === ''
        ? undefined
        : requireDnsLabel(input.management, 'management'),
  };
}
