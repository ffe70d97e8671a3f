import { MultiSelect } from '@mantine/core';
import { ART7_REASONS, ART7_REASON_LABELS, type Art7Reason } from '../../../shared/domain/caseFlow';

const OPTIONS = ART7_REASONS.map((reason) => ({ value: reason, label: ART7_REASON_LABELS[reason] }));

function isReason(value: string): value is Art7Reason {
  return (ART7_REASONS as readonly string[]).includes(value);
}

/** The art. 7 u.p.s. reasons for aid: several may apply; they also feed the statistics. */
export function ReasonsField({
  value,
  onChange,
  error,
  description,
  readOnly,
}: {
  value: readonly Art7Reason[];
  onChange: (value: Art7Reason[]) => void;
  error?: string | undefined;
  description?: string;
  readOnly?: boolean;
}) {
  return (
    <MultiSelect
      label="Przesłanki pomocy (art. 7 ustawy o pomocy społecznej)"
      description={description}
      placeholder={value.length === 0 ? 'Wybierz jedną lub kilka' : undefined}
      data={OPTIONS}
      value={[...value]}
      onChange={(next) => onChange(next.filter(isReason))}
      searchable
      clearable
      hidePickedOptions
      size="md"
      readOnly={readOnly}
      error={error}
      nothingFoundMessage="Brak takiej przesłanki"
      clearButtonProps={{ 'aria-label': 'Usuń wszystkie przesłanki' }}
    />
  );
}
