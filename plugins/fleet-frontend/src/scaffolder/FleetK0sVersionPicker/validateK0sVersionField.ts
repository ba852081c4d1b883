import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { fleetApiRef } from '../../api';
import { otherFormValue } from '../fieldProps';
import { findNamedCluster } from '../options';
import { FleetK0sVersionPickerUiOptions } from './FleetK0sVersionPicker';
import { k0sVersionProblem } from './k0sVersionProblem';

/**
 * Blocks the step on a value that is not a k0s version, or, when the form names a cluster the
 * fleet knows, on a version that is not a valid upgrade from the cluster's desired one. When the
 * fleet cannot be read, only the spelling is checked.
 */
export const validateK0sVersionField: CustomFieldValidator<
  string,
  FleetK0sVersionPickerUiOptions
> = async (value, validation, context) => {
  const spelling = k0sVersionProblem(value);
  if (spelling) {
    validation.addError(spelling);
    return;
  }
  const uiOptions = context.uiSchema?.['ui:options'];
  const form = { formContext: { formData: context.formData } };
  const name = otherFormValue(form, uiOptions?.clusterField);
  const fleetApi = context.apiHolder.get(fleetApiRef);
  if (!value || !name || !fleetApi) return;
  const clusters = await fleetApi
    .listClusters()
    .then(response => response.items)
    .catch(() => []);
  const cluster = findNamedCluster(clusters, {
    name,
    namespace: otherFormValue(form, uiOptions?.namespaceField ?? 'namespace'),
  });
  const problem = k0sVersionProblem(value, cluster?.k0s?.desired);
  if (problem) validation.addError(problem);
};
