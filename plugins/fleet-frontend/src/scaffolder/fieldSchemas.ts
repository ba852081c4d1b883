import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

const clusterFieldOptions = {
  clusterField: 'The form field holding the cluster name.',
  namespaceField:
    'The form field holding the cluster namespace (default "namespace"), to tell apart clusters of the same name.',
};

/** JSON schemas of each field's value and ui:options, shown in the template editor. */
export const fleetClusterPickerSchema = makeFieldSchema({
  output: z => z.string().describe('The cluster (ClusterDeployment) name'),
  uiOptions: z =>
    z.object({
      allowArbitraryValues: z
        .boolean()
        .optional()
        .describe(
          'Whether a name the fleet does not list may be typed (default true)',
        ),
    }),
});

export const fleetDnsZonePickerSchema = makeFieldSchema({
  output: z => z.string().describe('The DNS zone name, e.g. example.com'),
  uiOptions: z =>
    z.object({
      clusterField: z
        .string()
        .optional()
        .describe(
          `${clusterFieldOptions.clusterField} Its zones come first (default "cluster").`,
        ),
      namespaceField: z
        .string()
        .optional()
        .describe(clusterFieldOptions.namespaceField),
    }),
});

export const fleetK0sVersionPickerSchema = makeFieldSchema({
  output: z => z.string().describe('A k0s version, e.g. v1.31.2+k0s.0'),
  uiOptions: z =>
    z.object({
      clusterField: z
        .string()
        .optional()
        .describe(
          `${clusterFieldOptions.clusterField} Only valid upgrades from its desired version are offered and accepted.`,
        ),
      namespaceField: z
        .string()
        .optional()
        .describe(clusterFieldOptions.namespaceField),
    }),
});

/** The zod that makeFieldSchema hands its builders. */
type Zod = Parameters<
  NonNullable<Parameters<typeof makeFieldSchema>[0]['uiOptions']>
>[0];

const managementNamespaceOptions = (z: Zod) =>
  z.object({
    management: z
      .string()
      .optional()
      .describe(
        "The management cluster id; by default the one in managementField, else the fleet's only one.",
      ),
    managementField: z
      .string()
      .optional()
      .describe(
        'The form field holding the management cluster id (default "management").',
      ),
    namespaceField: z
      .string()
      .optional()
      .describe(
        'The form field holding the namespace whose objects are offered (default "namespace").',
      ),
  });

export const fleetClusterTemplatePickerSchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        'A k0rdent ClusterTemplate name, e.g. vsphere-standalone-cp-1-0-42',
      ),
  uiOptions: managementNamespaceOptions,
});

export const fleetTemplateUpgradePickerSchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        "A ClusterTemplate the cluster's status.availableUpgrades offers, e.g. vsphere-standalone-cp-1-0-43",
      ),
  uiOptions: z =>
    z.object({
      clusterField: z
        .string()
        .optional()
        .describe(`${clusterFieldOptions.clusterField} (default "cluster")`),
      namespaceField: z
        .string()
        .optional()
        .describe(clusterFieldOptions.namespaceField),
    }),
});

export const fleetCredentialPickerSchema = makeFieldSchema({
  output: z => z.string().describe('A k0rdent Credential name'),
  uiOptions: managementNamespaceOptions,
});

export const fleetNamespacePickerSchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        'A namespace of the management cluster that holds ClusterTemplates',
      ),
  uiOptions: z => managementNamespaceOptions(z).omit({ namespaceField: true }),
});

export const fleetImagePickerSchema = makeFieldSchema({
  output: z => z.string().describe('A VirtRigaud VMImage name'),
  uiOptions: z =>
    z.object({
      clusterField: z
        .string()
        .optional()
        .describe(
          `${clusterFieldOptions.clusterField} Its desired image comes first (default "cluster").`,
        ),
      namespaceField: z
        .string()
        .optional()
        .describe(clusterFieldOptions.namespaceField),
    }),
});
