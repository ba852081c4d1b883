import { ConfigReader } from '@backstage/config';
import { readKubernetesLocatorOptions } from './kubernetesLocatorConfig';

const read = (kubernetes?: object) =>
  readKubernetesLocatorOptions(
    new ConfigReader(kubernetes ? { kubernetes } : {}),
  );

describe('fleet.catalog.kubernetes', () => {
  it('is off unless configured', () => {
    expect(read()).toBeUndefined();
    expect(readKubernetesLocatorOptions(undefined)).toBeUndefined();
  });

  it('takes an auth provider that needs no credential in the catalog', () => {
    expect(read({ authProvider: 'oidc', oidcTokenProvider: 'okta' })).toEqual({
      authProvider: 'oidc',
      oidcTokenProvider: 'okta',
    });
    expect(read({ authProvider: 'aks' })).toEqual({ authProvider: 'aks' });
  });

  it('refuses serviceAccount, and oidc without its token provider', () => {
    expect(() => read({ authProvider: 'serviceAccount' })).toThrow(
      /serviceAccount would need the token in the catalog/,
    );
    expect(() => read({ authProvider: 'oidc' })).toThrow(
      /oidcTokenProvider is required/,
    );
    expect(() =>
      read({ authProvider: 'google', oidcTokenProvider: 'okta' }),
    ).toThrow(/only read with authProvider oidc/);
  });
});
