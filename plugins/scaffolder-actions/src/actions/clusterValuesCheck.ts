import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ValidateFunction } from 'ajv';
import {
  chooseValuesSchema,
  type FleetHttpAccess,
  type TemplateRef,
} from '../fleet/liveValuesSchema';
import { compileValuesSchema } from '../schemas/validateLiveValues';

/** How the action checks `spec.config`: a compiled live schema, or the bundled one and why. */
export type ValuesCheck =
  | { kind: 'live'; validate: ValidateFunction; source: string }
  | { kind: 'bundled'; reason: string };

export const BUNDLED_ONLY: ValuesCheck = {
  kind: 'bundled',
  reason: 'no live values schema was looked up',
};

/** The live schema when the fleet gives one that compiles; the bundled one otherwise. */
export async function valuesCheckFor(
  fleet: FleetHttpAccess | undefined,
  input: TemplateRef,
  credentials: () => Promise<BackstageCredentials>,
): Promise<ValuesCheck> {
  const choice = await chooseValuesSchema(fleet, credentials, {
    management: input.management,
    namespace: input.namespace,
    template: input.template,
  });
  if (choice.kind === 'bundled') return choice;
  try {
    return {
      kind: 'live',
      validate: compileValuesSchema(choice.schema),
      source: choice.source,
    };
  } catch (error) {
    return {
      kind: 'bundled',
      reason: `the live values schema of ${
        choice.source
      } is not a schema this action can compile (${(error as Error).message})`,
    };
  }
}

export function describeValuesCheck(values: ValuesCheck): string {
  return values.kind === 'live'
    ? `spec.config checked against the live values schema of ${values.source}`
    : `spec.config checked against the bundled chart values schema: ${values.reason}`;
}
