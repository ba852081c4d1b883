import { ComponentType, useState } from 'react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { FleetApi, fleetApiRef } from '../api';
import { FleetFieldProps } from '../scaffolder/fieldProps';

export interface RenderFieldOptions {
  api: FleetApi;
  title?: string;
  description?: string;
  /** More of the field's JSON schema, e.g. the `examples` a template writes. */
  schema?: Record<string, unknown>;
  value?: string;
  uiOptions?: Record<string, unknown>;
  /** The rest of the form, as the scaffolder passes it in `formContext.formData`. */
  formData?: Record<string, unknown>;
}

/** Renders a scaffolder field as the scaffolder would, keeping its value in state. */
export async function renderField(
  Field: ComponentType<FleetFieldProps<any>>,
  options: RenderFieldOptions,
) {
  const onChange = jest.fn();
  function Harness() {
    const [value, setValue] = useState<string | undefined>(options.value);
    return (
      <Field
        name="field"
        schema={{
          type: 'string',
          title: options.title ?? 'Field',
          description: options.description,
          ...options.schema,
        }}
        uiSchema={{ 'ui:options': options.uiOptions ?? {} }}
        idSchema={{ $id: 'root_field' } as any}
        formData={value}
        onChange={next => {
          onChange(next);
          setValue(next);
        }}
        onBlur={jest.fn()}
        onFocus={jest.fn()}
        rawErrors={[]}
        disabled={false}
        readonly={false}
        required
        formContext={{ formData: options.formData ?? {} }}
        registry={{} as any}
      />
    );
  }
  await renderInTestApp(
    <TestApiProvider apis={[[fleetApiRef, options.api]]}>
      <Harness />
    </TestApiProvider>,
  );
  return { onChange };
}

/** The suggestions a field offers in its datalist, as value and label. */
export function datalistOptions(input: HTMLElement) {
  const listId = input.getAttribute('list');
  if (!listId) return [];
  const list = document.getElementById(listId);
  return Array.from(list?.querySelectorAll('option') ?? []).map(option => ({
    value: option.getAttribute('value'),
    label: option.getAttribute('label'),
  }));
}
