import { NumberInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';

/**
 * A whole-number field bound to react-hook-form. An emptied field holds NaN, which the zod
 * schemas answer with their own "podaj liczbę" message instead of silently keeping the old value.
 */
export function NumberField<TInput extends FieldValues, TOutput extends FieldValues>({
  control,
  name,
  label,
  description,
  min,
  max,
  maw = 480,
}: {
  control: Control<TInput, unknown, TOutput>;
  name: Path<TInput>;
  label: string;
  description?: ReactNode;
  min: number;
  max: number;
  maw?: number;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          description={description}
          min={min}
          max={max}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          maw={maw}
          name={field.name}
          ref={field.ref}
          onBlur={field.onBlur}
          value={typeof field.value === 'number' && Number.isFinite(field.value) ? field.value : ''}
          onChange={(value) => field.onChange(typeof value === 'number' ? value : Number.NaN)}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
