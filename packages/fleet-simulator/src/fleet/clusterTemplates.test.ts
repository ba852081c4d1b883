import { generateFleet } from '../generateFleet';
import {
  HOSTED_TEMPLATE,
  INVALID_TEMPLATE,
  NOT_READY_CREDENTIAL,
  schemaConfigMapNameOf,
} from './clusterTemplates';
import { CURRENT_TEMPLATE } from './constants';

describe('the k0rdent catalogue of each team namespace', () => {
  const mgmt = generateFleet().mgmt;
  const inTrading = (kind: string) =>
    mgmt.filter(
      o => o.kind === kind && o.metadata.namespace === 'team-trading',
    );

  it('points valid templates at a ConfigMap holding their values JSON schema', () => {
    const templates = inTrading('ClusterTemplate');
    const configMaps = inTrading('ConfigMap');
    for (const name of [CURRENT_TEMPLATE, HOSTED_TEMPLATE]) {
      const template = templates.find(t => t.metadata.name === name)!;
      const status = template.status as Record<string, unknown>;
      expect(status.valid).toBe(true);
      expect(status.schemaConfigMapName).toBe(schemaConfigMapNameOf(name));
      const configMap = configMaps.find(
        c => c.metadata.name === status.schemaConfigMapName,
      )!;
      const schema = JSON.parse((configMap.data as { schema: string }).schema);
      expect(schema.description).toBe(status.description);
      expect(schema.properties.workersNumber.type).toBe('integer');
    }
  });

  it('holds a template k0rdent refused, with why and no schema', () => {
    const invalid = inTrading('ClusterTemplate').find(
      t => t.metadata.name === INVALID_TEMPLATE,
    )!;
    expect(invalid.status).toMatchObject({ valid: false });
    expect((invalid.status as any).validationError).toMatch(/not found/);
    expect((invalid.status as any).schemaConfigMapName).toBeUndefined();
  });

  it('holds one ready Credential and one that is not, and an upgrade chain', () => {
    const credentials = inTrading('Credential');
    expect(
      credentials.map(c => [c.metadata.name, (c.status as any).ready]),
    ).toEqual([
      ['vsphere-cluster-identity-cred', true],
      [NOT_READY_CREDENTIAL, false],
    ]);
    const [chain] = inTrading('ClusterTemplateChain');
    expect((chain.spec as any).supportedTemplates[0]).toEqual({
      name: CURRENT_TEMPLATE,
      availableUpgrades: [{ name: 'vsphere-standalone-cp-1-0-43' }],
    });
  });
});
