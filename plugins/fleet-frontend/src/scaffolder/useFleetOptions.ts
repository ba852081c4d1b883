import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { FleetApi, fleetApiRef } from '../api';
import { describeReadError } from '../lib/errors';
import { FieldOption } from './options';

/** What a field's loader returns: its options, a note for the helper text, anything else it needs. */
export interface LoadedOptions<TExtra = undefined> {
  options: FieldOption[];
  note?: string;
  extra?: TExtra;
}

/**
 * A field's suggestions: still loading, read (possibly none), or unavailable because the fleet
 * could not be read. The field is free text unless suggestions were read.
 */
export type FleetOptionsState<TExtra = undefined> =
  | { status: 'loading' }
  | { status: 'unavailable'; reason: string }
  | ({ status: 'ready' } & LoadedOptions<TExtra>);

/** Loads a field's suggestions from the fleet; runs again when one of `deps` changes. */
export function useFleetOptions<TExtra = undefined>(
  load: (api: FleetApi) => Promise<LoadedOptions<TExtra>>,
  deps: unknown[],
): FleetOptionsState<TExtra> {
  const fleetApi = useApi(fleetApiRef);
  const { loading, error, value } = useAsync(
    () => load(fleetApi),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fleetApi, ...deps],
  );
  if (loading) return { status: 'loading' };
  if (error || !value) {
    return {
      status: 'unavailable',
      reason: `Could not read the fleet: ${describeReadError(error)}.`,
    };
  }
  return { status: 'ready', ...value };
}
