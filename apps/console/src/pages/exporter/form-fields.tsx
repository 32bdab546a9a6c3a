import { Checkbox, NativeSelect, NumberInput, Textarea, TextInput } from '@mantine/core';
import { Controller, get, useFormContext, useFormState } from 'react-hook-form';
import type { DraftForm } from './application-form-model';

/*
 * Inputs bound to the draft form by name, each showing its own error under
 * it (Mantine links the message to the input with aria-describedby).
 */

interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly required?: boolean;
}

/** Mantine's dimmed hint text is too pale for AA contrast on white. */
export const READABLE_HINTS = { description: { color: 'var(--mantine-color-gray-7)' } };

export function useFieldError(name: string): string | undefined {
  const { errors } = useFormState<DraftForm>();
  const error: { message?: string } | undefined = get(errors, name);
  return error?.message;
}

/** One line of text; `multiline`: several (descriptions and summaries), growing with what is typed. */
export function TextField({
  name,
  label,
  description,
  required,
  multiline = false,
}: FieldProps & { readonly multiline?: boolean }) {
  const { register } = useFormContext<DraftForm>();
  const props = {
    ...register(name as 'applicationId'),
    label,
    description,
    styles: READABLE_HINTS,
    withAsterisk: required,
    error: useFieldError(name),
  };
  return multiline ? <Textarea {...props} autosize minRows={2} /> : <TextInput {...props} />;
}

export function NumberField({ name, label, description, required }: FieldProps) {
  const { control } = useFormContext<DraftForm>();
  const error = useFieldError(name);
  return (
    <Controller
      control={control}
      name={name as 'application.destination'}
      render={({ field }) => (
        <NumberInput
          name={field.name}
          ref={field.ref}
          onBlur={field.onBlur}
          value={field.value ?? ''}
          // An emptied input means "not given", not zero.
          onChange={(value) => field.onChange(typeof value === 'number' ? value : undefined)}
          label={label}
          description={description}
          styles={READABLE_HINTS}
          withAsterisk={required}
          error={error}
          decimalScale={3}
        />
      )}
    />
  );
}

export function SelectField({ name, label, options }: FieldProps & { options: { value: string; label: string }[] }) {
  const { register } = useFormContext<DraftForm>();
  const error = useFieldError(name);
  return <NativeSelect {...register(name as 'applicationId')} label={label} data={options} error={error} />;
}

export function CheckboxField({ name, label }: FieldProps) {
  const { register } = useFormContext<DraftForm>();
  return <Checkbox {...register(name as 'applicationId')} label={label} />;
}
