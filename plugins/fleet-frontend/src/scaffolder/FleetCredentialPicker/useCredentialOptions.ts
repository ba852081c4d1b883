import type { FormCredential } from '@fleet-portal/plugin-fleet-common';
import { NamedNamespace, resolveManagement } from '../managementFields';
import type { FieldOption } from '../options';
import { useFleetOptions } from '../useFleetOptions';

/** Ready Credentials to choose from; the others shown disabled with why they are not ready. */
export function credentialOptions(
  credentials: FormCredential[],
): FieldOption[] {
  const ready = credentials.filter(c => c.ready);
  const notReady = credentials.filter(c => !c.ready);
  return [
    ...ready.map(c => ({
      value: c.name,
      label: c.description ? `${c.name}: ${c.description}` : c.name,
    })),
    ...notReady.map(c => ({
      value: c.name,
      label: `${c.name}: not ready: ${c.notReadyReason}`,
      disabled: true,
    })),
  ];
}

/** The Credentials of the namespace the form names, read live from its management cluster. */
export function useCredentialOptions(named: NamedNamespace) {
  return useFleetOptions(
    async api => {
      if (!named.namespace) {
        return { options: [], note: 'Choose the namespace first.' };
      }
      const management = await resolveManagement(api, named);
      const { items } = await api.listCredentials(management, named.namespace);
      return {
        options: credentialOptions(items),
        note: `Credentials of ${named.namespace} on ${management}.`,
      };
    },
    [named.management, named.namespace],
  );
}
