import { InputError } from '@backstage/errors';
import { requireCidr, requireIPv4, requireIPv6 } from './network';
import {
  requireAbsoluteHostName,
  requireRelativeRecordName,
  requireSoaMailbox,
  requireTtl,
  requireZoneName,
} from './dns';
import {
  requireDnsLabel,
  requireDnsSubdomain,
  requireLabels,
  requireNamespace,
  sanitizeLabelValue,
} from './names';
import { requireK0sVersion } from './k0sVersion';
import { requireDigestReference } from './imageReference';
import { requireSshPublicKey } from './sshPublicKey';
import { requireInteger, requireSingleLine } from './primitives';
import { optionalTargetPath } from './common';
import { requireProviderBlock } from './providerBlock';

const ED25519 =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPz3q9Dz2Wul2uEi9yWUgPlO1Q57dVM0vc5/mCLhJCcm ops@fleet';
const ECDSA =
  'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBB7ytT1GsVjuHe2QofIQH8JZv+KSq2AdkPodxYTbsDtoFeZnSeydzI2Xo4a+0fMLXVTZgME3h8Vyt7QsmmzBkAU= x';
const RSA =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCfgjYXRoFPM3dRJ9A/VV1MGR2NGyiG34AqCi0osL4UmgPQ8UJeYcIoJdfPhWwTRihfGNk3PpUmsDzJCi69qTwAJAEBb5BCLybmHHNJhhoyP1187rECl4agCJ1EAMGtY2r9AFmdixHz3fRCYiMPwHIdwgscbdUmVdZi92LCVB0fkORZ/zS3+sUaHSqOpHquPg3vIxgG2432r+6aYw7y928hiLv6YO8TevAvWQytW6JNvZIz37wd7HGWGoyTaq3cWaX96nu6Mb+vh5ktgOe696nibMnaVdIOe++kALjjmwt/cKbpE24xQjINUAM1oxUc6pproJ5HXk6xFeXvV/NxHblj r';
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

type Case = [string, () => unknown, RegExp];

describe('validation rules reject with field and rule', () => {
  const cases: Case[] = [
    [
      'name too long',
      () => requireDnsLabel('a'.repeat(64), 'name'),
      /^name: must be 1 to 63 characters/,
    ],
    [
      'name uppercase',
      () => requireDnsLabel('Prod', 'name'),
      /^name: must be an RFC 1123 label/,
    ],
    [
      'name trailing dash',
      () => requireDnsLabel('prod-', 'name'),
      /^name: must be an RFC 1123 label/,
    ],
    [
      'name not a string',
      () => requireDnsLabel(5, 'name'),
      /^name: must be a string/,
    ],
    [
      'subdomain double dot',
      () => requireDnsSubdomain('a..b', 'credential'),
      /^credential: must be an RFC 1123 subdomain/,
    ],
    [
      'subdomain too long',
      () => requireDnsSubdomain(`${'a.'.repeat(127)}ab`, 'credential'),
      /^credential: must be 1 to 253/,
    ],
    [
      'namespace with dot',
      () => requireNamespace('kcm.system'),
      /^namespace: must be an RFC 1123 label/,
    ],
    [
      'label key',
      () => requireLabels({ 'bad key': 'x' }, 'clusterLabels'),
      /^clusterLabels\["bad key"\]: must be a Kubernetes label key/,
    ],
    [
      'label value',
      () => requireLabels({ env: 'a b' }, 'clusterLabels'),
      /^clusterLabels.env: must be a Kubernetes label value/,
    ],
    [
      'IPv4 leading zero',
      () => requireIPv4('10.0.0.01', 'ip'),
      /^ip: must be an IPv4 address/,
    ],
    [
      'IPv4 out of range',
      () => requireIPv4('10.0.0.256', 'ip'),
      /^ip: must be an IPv4/,
    ],
    [
      'IPv4 given IPv6',
      () => requireIPv4('2001:db8::1', 'ip'),
      /^ip: must be an IPv4/,
    ],
    [
      'IPv6 zone index',
      () => requireIPv6('fe80::1%eth0', 'ip'),
      /^ip: must be an IPv6 address/,
    ],
    [
      'IPv6 embedded leading zero',
      () => requireIPv6('::ffff:10.0.0.01', 'ip'),
      /^ip: must be an IPv6/,
    ],
    [
      'IPv6 garbage',
      () => requireIPv6('2001:db8:::1', 'ip'),
      /^ip: must be an IPv6/,
    ],
    [
      'CIDR prefix too big',
      () => requireCidr('10.0.0.0/33', 'cidr'),
      /^cidr: must be a CIDR/,
    ],
    [
      'CIDR no prefix',
      () => requireCidr('10.0.0.0', 'cidr'),
      /^cidr: must be a CIDR/,
    ],
    [
      'CIDR leading zero prefix',
      () => requireCidr('10.0.0.0/08', 'cidr'),
      /^cidr: must be a CIDR/,
    ],
    [
      'zone single label',
      () => requireZoneName('com', 'zone'),
      /^zone: must be a DNS zone/,
    ],
    [
      'zone too long for a label value',
      () => requireZoneName(`${'a'.repeat(60)}.com`, 'zone'),
      /^zone: .*at most 63/,
    ],
    [
      'zone underscore',
      () => requireZoneName('ex_ample.com', 'zone'),
      /^zone: must be a DNS zone/,
    ],
    [
      'target relative',
      () => requireAbsoluteHostName('web', 'records[0].target'),
      /^records\[0\].target: must be a fully qualified host name/,
    ],
    [
      'target empty label',
      () => requireAbsoluteHostName('a..com', 't'),
      /^t: must be a fully qualified/,
    ],
    [
      'target label too long',
      () => requireAbsoluteHostName(`${'a'.repeat(64)}.com`, 't'),
      /^t: must be a fully qualified/,
    ],
    [
      'mailbox with dot',
      () => requireSoaMailbox('host.master@example.com', 'soa.adminEmail'),
      /^soa.adminEmail: must be a mailbox/,
    ],
    [
      'record absolute',
      () => requireRelativeRecordName('www.example.com.', 'n', 'example.com'),
      /^n: must be relative to the zone example.com/,
    ],
    [
      'record inner wildcard',
      () => requireRelativeRecordName('a.*', 'n', 'example.com'),
      /^n: must be "@" or/,
    ],
    [
      'ttl too low',
      () => requireTtl(29, 'records[2].ttl'),
      /^records\[2\].ttl: must be an integer between 30 and 2147483647$/,
    ],
    [
      'ttl not integer',
      () => requireTtl(30.5, 'ttl'),
      /^ttl: must be an integer between 30/,
    ],
    [
      'ttl too high',
      () => requireTtl(2147483648, 'ttl'),
      /^ttl: must be an integer between 30/,
    ],
    [
      'k0s without build',
      () => requireK0sVersion('v1.31.2+k0s', 'k0sVersion'),
      /^k0sVersion: must be an exact k0s version/,
    ],
    [
      'k0s minus build',
      () => requireK0sVersion('v1.31.2-k0s.0', 'k0sVersion'),
      /^k0sVersion: must be an exact/,
    ],
    [
      'k0s leading zero',
      () => requireK0sVersion('v1.031.2+k0s.0', 'k0sVersion'),
      /^k0sVersion: must be an exact/,
    ],
    [
      'digest tag only',
      () => requireDigestReference('quay.io/kairos/ubuntu:v3', 'image'),
      /^image: "quay.io\/kairos\/ubuntu:v3" is not pinned by digest.*crane digest/,
    ],
    [
      'digest short',
      () => requireDigestReference('quay.io/k@sha256:abc', 'image'),
      /^image: must be an OCI reference pinned by digest/,
    ],
    [
      'digest uppercase',
      () =>
        requireDigestReference(`quay.io/k@${DIGEST.toUpperCase()}`, 'image'),
      /^image: must be an OCI/,
    ],
    [
      'digest repo uppercase',
      () => requireDigestReference(`quay.io/K@${DIGEST}`, 'image'),
      /^image: must be an OCI/,
    ],
    [
      'digest with space',
      () => requireDigestReference(`quay.io/k @${DIGEST}`, 'image'),
      /^image: must be an OCI/,
    ],
    [
      'ssh unknown type',
      () =>
        requireSshPublicKey(ED25519.replace('ssh-ed25519', 'ssh-dss'), 'key'),
      /^key: must be an OpenSSH public key/,
    ],
    [
      'ssh type mismatch',
      () => requireSshPublicKey(RSA.replace('ssh-rsa', 'ssh-ed25519'), 'key'),
      /^key: must be an OpenSSH public key/,
    ],
    [
      'ssh bad base64',
      () => requireSshPublicKey('ssh-ed25519 AAAA$$$$', 'key'),
      /^key: must be an OpenSSH/,
    ],
    [
      'ssh newline in comment',
      () => requireSshPublicKey(`${ED25519}\nevil: true`, 'key'),
      /^key: must be an OpenSSH/,
    ],
    [
      'count not integer',
      () => requireInteger(1.5, 'count', 1, 50),
      /^count: must be an integer between 1 and 50/,
    ],
    [
      'count too large',
      () => requireInteger(51, 'count', 1, 50),
      /^count: must be an integer between 1 and 50/,
    ],
    [
      'count is a string',
      () => requireInteger('3', 'count', 1, 50),
      /^count: must be an integer/,
    ],
    [
      'single line newline',
      () => requireSingleLine('a\nb', 'displayName'),
      /^displayName: must be a single line/,
    ],
    [
      'single line control',
      () => requireSingleLine('a\u0000b', 'displayName'),
      /^displayName: must be a single line/,
    ],
    [
      'single line separator',
      () => requireSingleLine('a\u2028b', 'displayName'),
      /^displayName: must be a single line/,
    ],
    [
      'single line too long',
      () => requireSingleLine('a'.repeat(300), 'displayName', 255),
      /^displayName: must be at most 255/,
    ],
    [
      'target path escape',
      () => optionalTargetPath('../x'),
      /^targetPath: must be a relative folder/,
    ],
    [
      'target path absolute',
      () => optionalTargetPath('/etc'),
      /^targetPath: must be a relative folder/,
    ],
    [
      'provider proto key',
      () =>
        requireProviderBlock(JSON.parse('{"__proto__": {"x": 1}}'), 'provider'),
      /^provider.__proto__: keys must be/,
    ],
    [
      'provider NaN',
      () => requireProviderBlock({ a: NaN }, 'provider'),
      /^provider.a: must be a finite number/,
    ],
    [
      'provider control char',
      () => requireProviderBlock({ a: 'x\u0007' }, 'provider'),
      /^provider.a: must not contain control characters/,
    ],
    [
      'provider managed key',
      () => requireProviderBlock({ workersNumber: 3 }, 'provider'),
      /^provider.workersNumber: is set by the workersNumber input/,
    ],
  ];

  it.each(cases)('%s', (_, fn, message) => {
    expect(fn).toThrow(InputError);
    expect(fn).toThrow(message);
  });
});

describe('validation rules accept and normalise', () => {
  it('accepts valid values', () => {
    expect(requireSshPublicKey(ED25519, 'k')).toBe(ED25519);
    expect(requireSshPublicKey(ECDSA, 'k')).toBe(ECDSA);
    expect(requireSshPublicKey(RSA, 'k')).toBe(RSA);
    expect(requireAbsoluteHostName('Mail.Example.com', 't')).toBe(
      'mail.example.com.',
    );
    expect(requireAbsoluteHostName('mail.example.com.', 't')).toBe(
      'mail.example.com.',
    );
    expect(requireZoneName('example.com.', 'z')).toBe('example.com');
    expect(requireSoaMailbox('hostmaster@example.com', 'm')).toBe(
      'hostmaster.example.com.',
    );
    expect(requireRelativeRecordName('_sip._tcp', 'n', 'example.com')).toBe(
      '_sip._tcp',
    );
    expect(requireRelativeRecordName('*.apps', 'n', 'example.com')).toBe(
      '*.apps',
    );
    expect(requireIPv6('2001:db8::10', 'ip')).toBe('2001:db8::10');
    expect(requireIPv6('::ffff:10.0.0.1', 'ip')).toBe('::ffff:10.0.0.1');
    expect(requireCidr('2001:db8::/64', 'c')).toBe('2001:db8::/64');
    expect(requireK0sVersion('v1.31.2+k0s.0', 'v')).toBe('v1.31.2+k0s.0');
    expect(
      requireDigestReference(`localhost:5000/a/b:tag@${DIGEST}`, 'i').reference,
    ).toBe(`localhost:5000/a/b@${DIGEST}`);
    expect(optionalTargetPath('./gitops/')).toBe('gitops');
    expect(sanitizeLabelValue('user:default/jane.doe')).toBe(
      'user-default-jane.doe',
    );
    expect(sanitizeLabelValue('::')).toBe('unknown');
    expect(sanitizeLabelValue(`user:default/${'x'.repeat(80)}`)).toHaveLength(
      63,
    );
  });
});
