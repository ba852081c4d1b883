/* eslint-disable jest/no-conditional-expect -- examples and generated inputs decide which optional fields exist */
import {
  exampleInput,
  readObjects,
  runAction,
  snapshot,
  tempWorkspace,
} from '../__testUtils__/workspace';
import { upstreamErrors } from '../__testUtils__/sharedCrds';
import { createDnsManifestAction } from './dnsManifest';
import { dnsManifestExamples } from './dnsManifest.examples';

const action = createDnsManifestAction();
let ws: ReturnType<typeof tempWorkspace>;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.cleanup());

const EXPECTED_FILES: Record<number, string[]> = {
  0: [
    'dns/prod-eu1.example.com/aaaarecord-api-prod-eu1-example-com.yaml',
    'dns/prod-eu1.example.com/arecord-api-prod-eu1-example-com.yaml',
    'dns/prod-eu1.example.com/arecord-wildcard-apps-prod-eu1-example-com.yaml',
    'dns/prod-eu1.example.com/cnamerecord-console-prod-eu1-example-com.yaml',
    'dns/prod-eu1.example.com/zone.yaml',
  ],
  1: [
    'dns/example.com/mxrecord-apex-example-com.yaml',
    'dns/example.com/srvrecord-sip-tcp-example-com.yaml',
    'dns/example.com/txtrecord-dmarc-example-com.yaml',
  ],
};

describe('fleet:dns:manifest', () => {
  it('documents examples', () => {
    expect(action.examples).toBe(dnsManifestExamples);
  });

  it.each(dnsManifestExamples.map((e, i) => [e.description, i] as const))(
    'runs example: %s',
    async (_, index) => {
      const input = exampleInput(dnsManifestExamples[index]) as any;
      const outputs = await runAction(action, input, ws.path);
      expect(outputs.files).toEqual(EXPECTED_FILES[index]);
      expect(Object.keys(snapshot(ws.path)).sort()).toEqual(
        EXPECTED_FILES[index],
      );
      const objects = outputs.files.flatMap(path => readObjects(ws.path, path));
      expect(objects).toHaveLength(input.records.length + (input.soa ? 1 : 0));
      for (const object of objects) {
        expect(upstreamErrors(object)).toEqual([]);
        expect(object.metadata.labels).toMatchObject({
          'bindy.firestoned.io/zone': input.zone,
          'fleetportal.io/cluster': input.cluster,
        });
      }
      const zone = objects.find(o => o.kind === 'DNSZone');
      if (input.soa) {
        expect(zone!.spec).toMatchObject({
          zoneName: input.zone,
          recordsFrom: [
            {
              selector: {
                matchLabels: { 'bindy.firestoned.io/zone': input.zone },
              },
            },
          ],
          soaRecord: {
            primaryNs: 'ns1.example.com.',
            adminEmail: 'hostmaster.example.com.',
            serial: input.soa.serial,
          },
        });
      }
      for (const record of input.records) {
        const kind = `${record.type}Record`;
        const found = objects.find(
          o => o.kind === kind && (o.spec as any).name === record.name,
        ) as any;
        expect(found).toBeDefined();
        if (record.target)
          expect(found.spec.target).toBe(
            record.target.endsWith('.') ? record.target : `${record.target}.`,
          );
        if (record.mailServer)
          expect(found.spec.mailServer).toBe('mail.example.com.');
        if (record.addresses)
          expect(found.spec.ipv4Addresses ?? found.spec.ipv6Addresses).toEqual(
            record.addresses,
          );
      }
    },
  );

  const base = exampleInput(dnsManifestExamples[0]) as any;

  it('names the failing record field and rule', async () => {
    const records = [
      ...base.records.slice(0, 2),
      { type: 'A', name: 'x', addresses: ['10.0.0.1'], ttl: 5 },
    ];
    await expect(
      runAction(action, { ...base, records }, ws.path),
    ).rejects.toThrow(
      'records[2].ttl: must be an integer between 30 and 2147483647',
    );
    await expect(
      runAction(
        action,
        {
          ...base,
          records: [
            {
              type: 'A',
              name: 'www.prod-eu1.example.com',
              addresses: ['10.0.0.1'],
            },
          ],
        },
        ws.path,
      ),
    ).rejects.toThrow(/^records\[0\]\.name: must be relative to the zone/);
    await expect(
      runAction(
        action,
        {
          ...base,
          records: [{ type: 'A', name: 'www', addresses: ['010.0.0.1'] }],
        },
        ws.path,
      ),
    ).rejects.toThrow(/^records\[0\]\.addresses\[0\]: must be an IPv4 address/);
    await expect(
      runAction(
        action,
        { ...base, records: [{ type: 'CNAME', name: 'www', target: 'web' }] },
        ws.path,
      ),
    ).rejects.toThrow(
      /^records\[0\]\.target: must be a fully qualified host name/,
    );
    expect(snapshot(ws.path)).toEqual({});
  });

  it('adds records to a zone created earlier, writing only the record files', async () => {
    await runAction(action, { ...base, records: [] }, ws.path);
    const zoneOnly = snapshot(ws.path);
    expect(Object.keys(zoneOnly)).toEqual([
      'dns/prod-eu1.example.com/zone.yaml',
    ]);
    const { soa: _soa, ttl: _ttl, clusterRef: _ref, ...recordsOnly } = base;
    const outputs = await runAction(action, recordsOnly, ws.path);
    expect(outputs.files).toEqual(
      EXPECTED_FILES[0].filter(
        path => path !== 'dns/prod-eu1.example.com/zone.yaml',
      ),
    );
    const after = snapshot(ws.path);
    expect(Object.keys(after).sort()).toEqual(EXPECTED_FILES[0]);
    expect(after['dns/prod-eu1.example.com/zone.yaml']).toBe(
      zoneOnly['dns/prod-eu1.example.com/zone.yaml'],
    );
    await expect(
      runAction(
        action,
        { ...base, records: [], soa: { ...base.soa, serial: 9 } },
        ws.path,
      ),
    ).rejects.toThrow(
      'zone prod-eu1.example.com already exists in the GitOps repo',
    );
  });
});
