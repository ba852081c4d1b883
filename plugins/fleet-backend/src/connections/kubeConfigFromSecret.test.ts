import { stringify } from 'yaml';
import {
  KubeconfigCache,
  KubeconfigRejectedError,
  kubeConfigFromSecret,
} from './kubeConfigFromSecret';

function kubeconfig(
  user: Record<string, unknown>,
  cluster: Record<string, unknown> = {},
) {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'c',
        cluster: {
          server: 'https://10.0.0.1:6443',
          'certificate-authority-data': 'Q0E=',
          ...cluster,
        },
      },
    ],
    users: [{ name: 'u', user }],
    contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'ctx',
  });
}

describe('kubeConfigFromSecret', () => {
  it('accepts a token with the cluster CA', () => {
    const { kubeConfig, apiServer } = kubeConfigFromSecret(
      kubeconfig({ token: 'secret-token' }),
    );
    expect(apiServer).toEqual({
      server: 'https://10.0.0.1:6443',
      caData: 'Q0E=',
    });
    expect(kubeConfig.getCurrentUser()?.token).toBe('secret-token');
    expect(kubeConfig.getCurrentCluster()?.caData).toBe('Q0E=');
  });

  it('accepts inline client certificates', () => {
    const { kubeConfig } = kubeConfigFromSecret(
      kubeconfig({
        'client-certificate-data': 'Q0VSVA==',
        'client-key-data': 'S0VZ',
      }),
    );
    expect(kubeConfig.getCurrentUser()).toMatchObject({
      certData: 'Q0VSVA==',
      keyData: 'S0VZ',
    });
  });

  it.each([
    [
      'exec',
      { exec: { command: 'rm', args: ['-rf', '/'] } },
      /"exec" credential plugin/,
    ],
    [
      'auth-provider',
      { 'auth-provider': { name: 'oidc' } },
      /"auth-provider" credential plugin/,
    ],
    ['tokenFile', { tokenFile: '/etc/shadow' }, /sets "tokenFile"/],
    [
      'client-certificate file',
      { 'client-certificate': '/etc/cert', 'client-key': '/etc/key' },
      /sets "client-certificate"/,
    ],
    ['no credentials', {}, /neither a token nor a client certificate/],
  ])('refuses a user with %s', (_name, user, message) => {
    expect(() => kubeConfigFromSecret(kubeconfig(user))).toThrow(
      KubeconfigRejectedError,
    );
    expect(() => kubeConfigFromSecret(kubeconfig(user))).toThrow(message);
  });

  it('refuses cluster file references and disabled TLS verification', () => {
    expect(() =>
      kubeConfigFromSecret(
        kubeconfig({ token: 't' }, { 'certificate-authority': '/etc/ca' }),
      ),
    ).toThrow(/certificate-authority/);
    expect(() =>
      kubeConfigFromSecret(
        kubeconfig({ token: 't' }, { 'insecure-skip-tls-verify': true }),
      ),
    ).toThrow(/insecure-skip-tls-verify/);
  });

  it('never quotes the secret in its errors', () => {
    const attempt = () =>
      kubeConfigFromSecret(
        kubeconfig({ token: 'MARKER-TOKEN', exec: { command: 'x' } }),
      );
    const message = (() => {
      try {
        attempt();
        return 'did not throw';
      } catch (e) {
        return String((e as Error).message);
      }
    })();
    expect(message).toMatch(/credential plugin/);
    expect(message).not.toContain('MARKER-TOKEN');
    expect(() => kubeConfigFromSecret('::: not yaml [')).toThrow(
      /not valid YAML|names no cluster/,
    );
  });

  it('is parsed once per Secret content, and a refused kubeconfig is refused every time', () => {
    const cache = new KubeconfigCache();
    const text = kubeconfig({ token: 't1' });
    expect(cache.get(text)).toBe(cache.get(text));
    expect(cache.get(kubeconfig({ token: 't2' }))).not.toBe(cache.get(text));
    const refused = kubeconfig({ exec: { command: 'x' } });
    expect(() => cache.get(refused)).toThrow(KubeconfigRejectedError);
    expect(() => cache.get(refused)).toThrow(KubeconfigRejectedError);
  });
});
