import { DateInput } from '@mantine/dates';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import type { IsoDate } from '../../shared/domain/dates';
import { parsePolishDate } from '../lib/dates';
import { BELOW } from '../lib/layout';

/**
 * A date typed as DD.MM.RRRR (or picked from the calendar), bound to react-hook-form as an ISO
 * string or null. Typing works without the mouse; the calendar is only a help.
 */
export function DateField<TInput extends FieldValues, TOutput extends FieldValues>({
  control,
  name,
  label,
  description,
  minDate,
  maxDate,
  disabled,
  readOnly,
  maw,
  withAsterisk,
  descriptionBelow,
}: {
  control: Control<TInput, unknown, TOutput>;
  name: Path<TInput>;
  label: string;
  description?: ReactNode;
  minDate?: IsoDate;
  maxDate?: IsoDate;
  disabled?: boolean;
  readOnly?: boolean;
  maw?: number | string;
  withAsterisk?: boolean;
  /** The description under the input, so that it lines up with neighbours whose descriptions are there too. */
  descriptionBelow?: boolean;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateInput
          label={label}
          description={description}
          inputWrapperOrder={descriptionBelow ? BELOW : undefined}
          placeholder="DD.MM.RRRR"
          valueFormat="DD.MM.YYYY"
          dateParser={parsePolishDate}
          minDate={minDate}
          maxDate={maxDate}
          disabled={disabled}
          readOnly={readOnly}
          maw={maw}
          withAsterisk={withAsterisk}
          size="md"
          name={field.name}
          ref={field.ref}
          onBlur={field.onBlur}
          value={typeof field.value === 'string' && field.value ? field.value : null}
          onChange={(value) => field.onChange(value ?? null)}
          error={fieldState.error?.message}
          popoverProps={{ withinPortal: true }}
          allowDeselect
        />
      )}
    />
  );
}
