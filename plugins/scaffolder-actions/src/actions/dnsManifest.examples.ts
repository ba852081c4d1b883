import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

function step(name: string, input: Record<string, unknown>): string {
  return stringify({
    steps: [{ id: 'dns', action: 'fleet:dns:manifest', name, input }],
  });
}

export const dnsManifestExamples: TemplateExample[] = [
  {
    description: 'Create a zone for a cluster with its API and ingress records',
    example: step('Zone prod-eu1.example.com', {
      zone: 'prod-eu1.example.com',
      namespace: 'dns-system',
      cluster: 'prod-eu1',
      soa: {
        primaryNs: 'ns1.example.com',
        adminEmail: 'hostmaster@example.com',
        serial: 2024060101,
      },
      ttl: 3600,
      clusterRef: 'bind9-primary',
      records: [
        { type: 'A', name: 'api', addresses: ['10.20.0.10'], ttl: 300 },
        { type: 'AAAA', name: 'api', addresses: ['2001:db8::10'] },
        {
          type: 'CNAME',
          name: 'console',
          target: 'ingress.prod-eu1.example.com',
        },
        { type: 'A', name: '*.apps', addresses: ['10.20.0.50', '10.20.0.51'] },
      ],
    }),
  },
  {
    description: 'Add mail, TXT and SRV records to an existing zone',
    example: step('Records in example.com', {
      zone: 'example.com',
      namespace: 'dns-system',
      cluster: 'prod-eu1',
      records: [
        {
          type: 'MX',
          name: '@',
          priority: 10,
          mailServer: 'mail.example.com.',
        },
        { type: 'TXT', name: '_dmarc', text: ['v=DMARC1; p=reject'] },
        {
          type: 'SRV',
          name: '_sip._tcp',
          priority: 10,
          weight: 5,
          port: 5060,
          target: 'sip.example.com',
        },
      ],
    }),
  },
];
