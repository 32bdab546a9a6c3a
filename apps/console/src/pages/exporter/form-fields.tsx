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

export function TextField({ name, label, description, required }: FieldProps) {
  const { register } = useFormContext<DraftForm>();
  const error = useFieldError(name);
  return (
    <TextInput
      {...register(name as 'applicationId')}
      label={label}
      description={description}
      styles={READABLE_HINTS}
      withAsterisk={required}
      error={error}
    />
  );
}

/** Several lines of text: descriptions and summaries. */
export function TextAreaField({ name, label, description, required }: FieldProps) {
  const { register } = useFormContext<DraftForm>();
  const error = useFieldError(name);
  return (
    <Textarea
      {...register(name as 'applicationId')}
      label={label}
      description={description}
      styles={READABLE_HINTS}
      withAsterisk={required}
      error={error}
      autosize
      minRows={2}
    />
  );
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
