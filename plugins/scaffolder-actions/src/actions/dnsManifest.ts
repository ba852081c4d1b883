import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { RepoReader } from '../gitops/changeSet';
import { dnsRecordPath, dnsZonePath } from '@fleet-portal/plugin-fleet-node';
import {
  ManifestPlan,
  planManifestFiles,
  PlannedManifestFile,
} from '../gitops/manifestFiles';
import { buildDnsRecord, buildDnsZone, RECORD_TYPES } from '../manifests/dns';
import { RequestInfo } from '../manifests/types';
import { validateDnsInput } from '../validation/dnsInput';
import { dnsManifestExamples } from './dnsManifest.examples';
import { changeOutputSchema } from './outputSchema';
import { runManifestPlan } from './runManifestPlan';

export const DNS_MANIFEST_ACTION_ID = 'fleet:dns:manifest';

export function planDnsManifest(
  rawInput: unknown,
  request: RequestInfo,
  openRepo: (targetPath: string) => RepoReader,
): ManifestPlan {
  const input = validateDnsInput(rawInput);
  const files: PlannedManifestFile[] = [];
  if (input.zoneSpec) {
    const path = dnsZonePath(input.zone);
    files.push({
      path,
      objects: [buildDnsZone(input.zoneSpec, request)],
      conflictMessage: `zone ${input.zone} already exists in the GitOps repo (${path}); leave out soa to add records to it`,
    });
  }
  input.records.forEach((record, i) => {
    const object = buildDnsRecord(
      record,
      input.zone,
      input.namespace,
      input.cluster,
      request,
    );
    const path = dnsRecordPath(input.zone, object.kind, object.metadata.name);
    files.push({
      path,
      objects: [object],
      conflictMessage: `records[${i}]: ${object.kind} ${object.metadata.name} already exists in the GitOps repo with other content (${path})`,
    });
  });
  return {
    files,
    changes: planManifestFiles(files, openRepo(input.targetPath)),
    targetPath: input.targetPath,
  };
}

export function createDnsManifestAction() {
  return createTemplateAction({
    id: DNS_MANIFEST_ACTION_ID,
    description:
      'Writes a bindy DNSZone and/or records (A, AAAA, CNAME, MX, TXT, SRV) into dns/<zone>/ of the GitOps checkout. Records carry the bindy.firestoned.io/zone label the zone selects.',
    examples: dnsManifestExamples,
    supportsDryRun: true,
    schema: {
      input: {
        zone: z => z.string().describe('DNS zone, e.g. example.com'),
        namespace: z =>
          z
            .string()
            .describe(
              'Namespace of the zone and records (bindy selects records in the same namespace)',
            ),
        cluster: z =>
          z.string().describe('Owning cluster (label fleetportal.io/cluster)'),
        soa: z =>
          z
            .object({
              primaryNs: z.string(),
              adminEmail: z.string(),
              serial: z.number().int().optional(),
              refresh: z.number().int().optional(),
              retry: z.number().int().optional(),
              expire: z.number().int().optional(),
              negativeTtl: z.number().int().optional(),
            })
            .optional()
            .describe('Give it to create the DNSZone'),
        ttl: z =>
          z
            .number()
            .int()
            .optional()
            .describe('Default TTL of the zone (with soa)'),
        clusterRef: z =>
          z
            .string()
            .optional()
            .describe('Bind9Cluster serving the zone (with soa)'),
        records: z =>
          z
            .array(
              z.object({
                type: z.enum(RECORD_TYPES),
                name: z.string().describe('Relative name, "@" for the apex'),
                ttl: z.number().int().optional(),
                addresses: z.array(z.string()).optional(),
                target: z.string().optional(),
                mailServer: z.string().optional(),
                priority: z.number().int().optional(),
                weight: z.number().int().optional(),
                port: z.number().int().optional(),
                text: z.array(z.string()).optional(),
              }),
            )
            .optional(),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Folder of the GitOps checkout inside the workspace (default ".")',
            ),
      },
      output: changeOutputSchema,
    },
    async handler(ctx) {
      await runManifestPlan(ctx, planDnsManifest);
    },
  });
}
