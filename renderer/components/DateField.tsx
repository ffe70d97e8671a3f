import { Popover, TextInput } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useState, type ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { formatPolishDate, isValidIsoDate, type IsoDate } from '../../shared/domain/dates';
import { readDate } from '../lib/dates';
import { BELOW } from '../lib/layout';

interface DateTextProps {
  label: string;
  description?: ReactNode;
  minDate?: IsoDate | undefined;
  maxDate?: IsoDate | undefined;
  disabled?: boolean | undefined;
  readOnly?: boolean | undefined;
  maw?: number | string | undefined;
  w?: number | string | undefined;
  withAsterisk?: boolean | undefined;
  /** The description under the input, so that it lines up with neighbours whose descriptions are there too. */
  descriptionBelow?: boolean | undefined;
  placeholder?: string | undefined;
  size?: 'sm' | 'md' | undefined;
  error?: string | undefined;
}

/**
 * The one date input of the renderer: typed as DD.MM.RRRR (the calendar, opened by a click or
 * Alt+↓, is only a help). A date that is refused — no such day, out of the field's range — keeps
 * what was typed and says why; nothing is silently put back. Escape closes the calendar only,
 * never the dialog around the field.
 *
 * `value` is an ISO date, null for an empty field, or (when `keepInvalid`) the refused text as
 * typed, which the form's schema then refuses on submit while the field shows the reason.
 */
export function DateText({
  value,
  onChange,
  onBlur,
  name,
  inputRef,
  keepInvalid = false,
  label,
  description,
  minDate,
  maxDate,
  disabled,
  readOnly,
  maw,
  w,
  withAsterisk,
  descriptionBelow,
  placeholder = 'DD.MM.RRRR',
  size = 'md',
  error,
}: DateTextProps & {
  value: string | null;
  /** An ISO date or null; with `keepInvalid`, also the refused text. */
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  name?: string;
  inputRef?: (element: HTMLInputElement | null) => void;
  keepInvalid?: boolean;
}) {
  const show = (stored: string | null) => (stored === null ? '' : isValidIsoDate(stored) ? formatPolishDate(stored) : stored);
  const toStored = (typed: string): string | null => {
    const reading = readDate(typed, { minDate, maxDate });
    if (reading.ok) return reading.date;
    return keepInvalid ? typed.trim() : null;
  };
  const [text, setText] = useState(() => show(value));
  const [seen, setSeen] = useState(value);
  const [open, setOpen] = useState(false);
  // A value set from outside (a reset, a restored draft, a date from the PESEL) replaces the text.
  if (seen !== value) {
    setSeen(value);
    if (toStored(text) !== value) setText(show(value));
  }
  const reading = readDate(text, { minDate, maxDate });
  const emit = (stored: string | null) => {
    setSeen(stored);
    onChange(stored);
  };
  const editable = !disabled && !readOnly;

  return (
    <Popover opened={open && editable} onChange={setOpen} position="bottom-start" withinPortal trapFocus={false} returnFocus={false} closeOnEscape={false}>
      <Popover.Target>
        <TextInput
          label={label}
          description={description}
          inputWrapperOrder={descriptionBelow ? BELOW : undefined}
          placeholder={placeholder}
          autoComplete="off"
          disabled={disabled}
          readOnly={readOnly}
          maw={maw}
          w={w}
          withAsterisk={withAsterisk}
          size={size}
          name={name}
          ref={inputRef}
          value={text}
          // While the calendar is open, Escape is ours: the dialog around the field stays open.
          data-mantine-stop-propagation={open ? 'true' : undefined}
          onChange={(event) => {
            const typed = event.currentTarget.value;
            setText(typed);
            emit(toStored(typed));
          }}
          onClick={() => setOpen(true)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && open) {
              event.preventDefault();
              event.stopPropagation();
              setOpen(false);
            } else if (event.key === 'ArrowDown' && event.altKey) {
              event.preventDefault();
              setOpen(true);
            }
          }}
          onBlur={() => {
            setOpen(false);
            // "17.4.1991" becomes "17.04.1991": what was understood is what the user sees.
            if (reading.ok && reading.date) setText(formatPolishDate(reading.date));
            onBlur?.();
          }}
          error={reading.ok ? error : reading.message}
        />
      </Popover.Target>
      <Popover.Dropdown
        data-testid="kalendarz"
        // The calendar does not take the focus: typing goes on in the field.
        onMouseDown={(event) => event.preventDefault()}
      >
        <DatePicker
          value={reading.ok ? reading.date : null}
          defaultDate={reading.ok && reading.date ? reading.date : (maxDate ?? undefined)}
          minDate={minDate}
          maxDate={maxDate}
          onChange={(picked) => {
            if (!picked) return;
            setText(formatPolishDate(picked));
            emit(picked);
            setOpen(false);
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
}

/** DateText bound to react-hook-form: an ISO string, null, or the refused text (which the schema refuses). */
export function DateField<TInput extends FieldValues, TOutput extends FieldValues>({
  control,
  name,
  ...props
}: DateTextProps & {
  control: Control<TInput, unknown, TOutput>;
  name: Path<TInput>;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateText
          {...props}
          keepInvalid
          name={field.name}
          inputRef={field.ref}
          value={typeof field.value === 'string' && field.value ? field.value : null}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
