import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { FileChange, RepoReader } from '../gitops/changeSet';
import { parseYamlFile, setScalar } from '../gitops/yamlEdit';
import {
  readTemplateUpgrades,
  type TemplateUpgradeOffer,
} from '../fleet/clusterUpgrades';
import { whyFleetFailed, type FleetHttpAccess } from '../fleet/fleetHttp';
import { assertValidLiveValues } from '../schemas/validateLiveValues';
import type { Day2Input } from '../validation/day2Input';
import { fieldError } from '../validation/fieldError';
import {
  assertStillValid,
  readClusterDeployment,
} from './clusterDeploymentFile';
import {
  describeValuesCheck,
  valuesCheckFor,
  type ValuesCheck,
} from './clusterValuesCheck';

export type TemplateUpgradeInput = Extract<
  Day2Input,
  { operation: 'upgrade-template' }
>;

/** What the fleet says about the upgrade: what k0rdent offers, and the new template's schema. */
export interface TemplateUpgradeFacts {
  offer: TemplateUpgradeOffer;
  values: ValuesCheck;
}

const TEMPLATE_PATH = ['spec', 'template'];

/**
 * Asks the fleet which ClusterTemplates k0rdent offers the cluster and for the new template's
 * values schema. Without an answer the upgrade is refused: only k0rdent knows the upgrade paths.
 */
export async function templateUpgradeFacts(
  fleet: FleetHttpAccess | undefined,
  credentials: () => Promise<BackstageCredentials>,
  input: TemplateUpgradeInput,
  repo: RepoReader,
): Promise<TemplateUpgradeFacts> {
  const { namespace } = readClusterDeployment(input, repo);
  const refuse = (why: string) =>
    fieldError(
      'template',
      `cannot check that ${input.template} is an upgrade k0rdent offers for cluster ${input.cluster}: ${why}; try again once the fleet backend answers`,
    );
  if (!fleet)
    throw refuse('the action was created without access to the fleet backend');
  let offer: TemplateUpgradeOffer;
  try {
    offer = await readTemplateUpgrades(fleet, await credentials(), {
      management: input.management,
      namespace,
      name: input.cluster,
    });
  } catch (error) {
    throw refuse(whyFleetFailed(error));
  }
  const values = await valuesCheckFor(
    fleet,
    { management: offer.management, namespace, template: input.template },
    credentials,
  );
  return { offer, values };
}

/** Sets `spec.template` to one of the upgrades k0rdent offers, keeping the rest of the file. */
export function planTemplateUpgrade(
  input: TemplateUpgradeInput,
  repo: RepoReader,
  facts: TemplateUpgradeFacts,
): FileChange[] {
  const { path, text } = readClusterDeployment(input, repo);
  const current = parseYamlFile(text, path).getIn(TEMPLATE_PATH);
  if (current === input.template)
    throw fieldError(
      'template',
      `cluster ${input.cluster} already uses ClusterTemplate ${input.template} in Git`,
    );
  const { availableUpgrades, source } = facts.offer;
  if (!availableUpgrades.includes(input.template)) {
    throw fieldError(
      'template',
      `${input.template} is not an upgrade k0rdent offers for cluster ${
        input.cluster
      } (${source}: ${
        availableUpgrades.length ? availableUpgrades.join(', ') : 'none'
      })`,
    );
  }
  const edited = setScalar(text, path, TEMPLATE_PATH, input.template);
  assertStillValid(edited, path);
  if (facts.values.kind === 'live') {
    const config = (parseYamlFile(edited, path).toJS() as any)?.spec?.config;
    assertValidLiveValues(
      facts.values.validate,
      config ?? {},
      facts.values.source,
    );
  }
  return [{ type: 'write', path, content: edited }];
}

/** For the action's output: where the upgrade path and the schema were read. */
export function describeTemplateUpgrade(facts: TemplateUpgradeFacts): string {
  return `upgrade offered by ${facts.offer.source}; ${describeValuesCheck(
    facts.values,
  )}`;
}
