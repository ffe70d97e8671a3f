/** Small pieces the family-work forms and dialogs share: a choice of one, the dialog's buttons, the signing box. */
import { Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { FormError } from '../../components/FormError';
import { DateText } from '../../components/DateField';
import { todayIso } from '../../lib/dates';

/** One of a fixed list, as radio buttons (large, one a line). */
export function ChoiceGroup<T extends string>({
  label,
  name,
  options,
  labels,
  value,
  onChange,
}: {
  label: string;
  name?: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T | null;
  onChange: (value: T) => void;
}) {
  return (
    <Radio.Group size="md" label={label} withAsterisk value={value} onChange={(chosen) => onChange(chosen as T)} name={name}>
      <Stack gap={6} mt={6}>
        {options.map((option) => (
          <Radio size="md" key={option} value={option} label={labels[option]} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** A dialog's last row: cancel, and the action it is for. */
export function DialogButtons({ onCancel, onConfirm, confirmLabel, loading }: { onCancel: () => void; onConfirm: () => void; confirmLabel: string; loading: boolean }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Anuluj
      </Button>
      <Button onClick={onConfirm} loading={loading}>
        {confirmLabel}
      </Button>
    </Group>
  );
}

/** Signing a document the family signs (kontrakt, plan): the date, then the button; a signed one is not edited. */
export function SignSection({
  title,
  note,
  signedOn,
  onSignedOnChange,
  signLabel,
  onSign,
  loading,
  error,
  errorTitle,
}: {
  title: string;
  note: string;
  signedOn: string | null;
  onSignedOnChange: (value: string | null) => void;
  signLabel: string;
  onSign: () => void;
  loading: boolean;
  error: string | undefined;
  errorTitle: string;
}) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} fz={18}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {note}
        </Text>
        <Group align="flex-end" gap="md">
          <DateText label="Data podpisania" maxDate={todayIso()} value={signedOn} onChange={onSignedOnChange} w={200} />
          <Button color="green" onClick={onSign} loading={loading}>
            {signLabel}
          </Button>
        </Group>
        <FormError message={error} title={errorTitle} />
      </Stack>
    </Paper>
  );
}
