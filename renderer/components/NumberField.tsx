import { Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { formatDecimal, parseDecimal, type DecimalRules } from '../../shared/numbers';
import { BELOW } from '../lib/layout';

/**
 * The one numeric and money field of the renderer. What is typed stays as typed (nothing is
 * dropped or rounded: shared/numbers.ts), Polish "2,5" and English "2.5" both work, and the value
 * read from it is shown back ("Odczytano: …") and written in the field's own form on leaving it.
 *
 * The form holds a number (or null for an empty field); with `asUnits` the integer units
 * (grosze for `scale` 2). Text that is not a number puts NaN into the form, so the form's schema
 * refuses the submit, and the field says why.
 */
export function NumberField<TInput extends FieldValues, TOutput extends FieldValues>({
  control,
  name,
  label,
  description,
  scale = 0,
  min,
  max,
  unit,
  asUnits = false,
  maw = 480,
  withAsterisk,
  ariaLabel,
}: {
  control: Control<TInput, unknown, TOutput>;
  name: Path<TInput>;
  label: string;
  description?: ReactNode;
  scale?: number;
  min?: number;
  max?: number;
  unit?: string;
  /** The form holds value × 10^scale as an integer (grosze). */
  asUnits?: boolean;
  maw?: number | string;
  withAsterisk?: boolean;
  ariaLabel?: string;
}) {
  const rules: DecimalRules = { scale, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), ...(unit ? { unit } : {}) };
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DecimalInput
          rules={rules}
          asUnits={asUnits}
          label={label}
          description={description}
          maw={maw}
          withAsterisk={withAsterisk}
          ariaLabel={ariaLabel}
          name={field.name}
          inputRef={field.ref}
          value={typeof field.value === 'number' ? field.value : null}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

/**
 * The same field outside react-hook-form (a screen holding its values in state): the number read,
 * null when empty, NaN while the text is not a number (the field says why).
 */
export function NumberText({
  label,
  value,
  onChange,
  scale = 0,
  min,
  max,
  unit,
  description,
  disabled,
  w,
}: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  scale?: number;
  min?: number;
  max?: number;
  unit?: string;
  description?: ReactNode;
  disabled?: boolean;
  w?: number | string;
}) {
  const rules: DecimalRules = { scale, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), ...(unit ? { unit } : {}) };
  return (
    <DecimalInput
      rules={rules}
      asUnits={false}
      label={label}
      description={description}
      maw={w ?? 480}
      withAsterisk={undefined}
      ariaLabel={undefined}
      disabled={disabled}
      name={label}
      inputRef={() => undefined}
      value={value}
      onChange={onChange}
      onBlur={() => undefined}
      error={undefined}
    />
  );
}

const same = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Number.isNaN(a) && Number.isNaN(b));

function DecimalInput({
  rules,
  asUnits,
  label,
  description,
  maw,
  withAsterisk,
  ariaLabel,
  disabled,
  name,
  inputRef,
  value,
  onChange,
  onBlur,
  error,
}: {
  rules: DecimalRules;
  asUnits: boolean;
  label: string;
  description?: ReactNode;
  maw: number | string;
  withAsterisk: boolean | undefined;
  ariaLabel: string | undefined;
  disabled?: boolean | undefined;
  name: string;
  inputRef: (element: HTMLInputElement | null) => void;
  value: number | null;
  onChange: (value: number | null) => void;
  onBlur: () => void;
  error: string | undefined;
}) {
  // Amounts keep their grosze ("2 450,50"); other numbers show the decimals they have ("2,5").
  const format = (number: number) => formatDecimal(number, rules.scale, { fixed: asUnits });
  const show = (stored: number | null) => (stored === null || Number.isNaN(stored) ? '' : format(asUnits ? stored / 10 ** rules.scale : stored));
  const toStored = (text: string): number | null => {
    const parsed = parseDecimal(text, rules);
    if (!parsed.ok) return Number.NaN;
    return asUnits ? parsed.units : parsed.value;
  };
  const [text, setText] = useState(() => show(value));
  const [seen, setSeen] = useState<number | null>(value);
  // A value set from outside (a reset, a restored draft) replaces the text; our own echo does not.
  if (!same(seen, value)) {
    setSeen(value);
    if (!same(toStored(text), value)) setText(show(value));
  }
  const parsed = parseDecimal(text, rules);
  const understood = parsed.ok && parsed.value !== null ? format(parsed.value) : null;
  const echo = understood !== null && understood !== text.trim() ? `Odczytano: ${understood}${rules.unit ? ` ${rules.unit}` : ''}` : null;
  return (
    <TextInput
      label={label}
      aria-label={ariaLabel}
      description={
        echo ? (
          <>
            {description ? <>{description} </> : null}
            <Text span size="xs" fw={600} c="blue.9" data-testid="number-echo">
              {echo}
            </Text>
          </>
        ) : (
          description
        )
      }
      inputWrapperOrder={BELOW}
      inputMode={rules.scale > 0 ? 'decimal' : 'numeric'}
      autoComplete="off"
      maw={maw}
      withAsterisk={withAsterisk}
      disabled={disabled}
      rightSection={
        rules.unit ? (
          <Text size="sm" c="dimmed" aria-hidden="true">
            {rules.unit}
          </Text>
        ) : undefined
      }
      name={name}
      ref={inputRef}
      value={text}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const stored = toStored(next);
        setSeen(stored);
        onChange(stored);
      }}
      onBlur={() => {
        // What was understood is what the user sees: "1010,5" becomes "1 010,5".
        if (parsed.ok && understood !== null) setText(understood);
        onBlur();
      }}
      error={parsed.ok ? error : parsed.message}
    />
  );
}
