import { Badge, Group, Paper, Progress, Radio, Stack, Text } from '@mantine/core';
import type { CaseloadView } from '../../../shared/cases';
import { count } from '../../../shared/text';

/** A caseload as the kierownik reads it: "7 / 15 rodzin". */
export function caseloadText(caseload: CaseloadView): string {
  return `${caseload.families} / ${caseload.limit} rodzin`;
}

/**
 * The assistants with their caseloads; those at the limit of art. 15 ust. 4 u.w.r. cannot be
 * chosen, and say why. The main process checks the limit again when the decision is saved.
 */
export function AssistantPicker({
  caseloads,
  value,
  onChange,
  error,
}: {
  caseloads: readonly CaseloadView[];
  value: string | null;
  onChange: (assistantId: string) => void;
  error?: string | undefined;
}) {
  if (caseloads.length === 0) {
    return <Text c="red.8">W ośrodku nie ma aktywnego asystenta rodziny. Dodaj go w części „Użytkownicy”.</Text>;
  }
  return (
    <Radio.Group label="Asystent rodziny" value={value ?? ''} onChange={onChange} error={error} size="md">
      <Stack gap="xs" mt="xs">
        {caseloads.map((caseload) => {
          const full = caseload.families >= caseload.limit;
          const ratio = caseload.limit > 0 ? caseload.families / caseload.limit : 1;
          return (
            <Paper key={caseload.assistantId} withBorder radius="md" p="sm" bg={full ? 'gray.0' : undefined}>
              <Stack gap={6}>
                <Radio
                  value={caseload.assistantId}
                  disabled={full}
                  label={
                    <Group gap="sm" wrap="nowrap">
                      <Text fw={600} c={full ? 'dimmed' : undefined}>
                        {caseload.name}
                      </Text>
                      <Badge variant="light" color={full ? 'red' : ratio >= 0.8 ? 'orange' : 'petrol'}>
                        {caseloadText(caseload)}
                      </Badge>
                    </Group>
                  }
                  description={
                    full
                      ? `Osiągnięto limit ${caseload.limit} rodzin na asystenta (art. 15 ust. 4 ustawy o wspieraniu rodziny).`
                      : `Może przyjąć jeszcze ${count(caseload.limit - caseload.families, 'rodzinę', 'rodziny', 'rodzin')}.`
                  }
                />
                <Progress value={Math.min(100, ratio * 100)} color={full ? 'red' : ratio >= 0.8 ? 'orange' : 'petrol'} size="sm" aria-hidden="true" />
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </Radio.Group>
  );
}
