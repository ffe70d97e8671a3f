/**
 * The summary before "Zakończ wywiad" (issue 15, item 13): what will be locked, the income test's
 * result, what is missing — from the wywiad as saved on the server — and a confirmation. Keyboard:
 * the confirming button has the focus (Enter), Escape goes back to the wywiad; when a mandatory part
 * is missing the focus is on "Wróć do wywiadu" and completing is not offered.
 */
import { Alert, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import type { InterviewView, MemberView } from '../../../shared/cases';
import { formatZl } from '../../../shared/domain/income';
import type { InterviewForm } from '../../../shared/domain/interviewForm';
import { DOCUMENT_CHECKLIST } from '../../../shared/domain/interviewForm';
import { formatPercent } from '../../../shared/polish';
import { polishDate } from '../../lib/dates';

export interface InterviewSummary {
  /** Blocking: completing would be refused. */
  blocking: string[];
  /** Worth a look, not blocking. */
  notes: string[];
  locked: string[];
  income: string;
}

/** What the summary says about a saved wywiad (pure: unit-tested). */
export function summarize(interview: InterviewView, definition: InterviewForm, members: readonly MemberView[]): InterviewSummary {
  const blocking: string[] = [];
  const notes: string[] = [];
  if (!interview.conductedOn) blocking.push('Nie podano daty wywiadu.');
  for (const code of interview.missingSegments) {
    const segment = definition.segments.find((candidate) => candidate.code === code);
    blocking.push(`Nie wypełniono obowiązkowej części ${code}${segment ? ` — ${segment.title}` : ''}.`);
  }
  if (interview.kind === 'update' && !interview.segments['IV']?.['changes']?.trim()) blocking.push('Nie opisano w części IV, co zmieniło się w sytuacji rodziny.');
  const empty = definition.segments.filter((segment) => !segment.mandatory && segment.code !== 'IV' && !interview.hiddenSegments.includes(segment.code) && !Object.values(interview.segments[segment.code] ?? {}).some((text) => text.trim() !== ''));
  if (empty.length > 0) notes.push(`Niewypełnione części nieobowiązkowe: ${empty.map((segment) => `${segment.code} ${segment.title}`).join('; ')}.`);
  const name = (personId: string) => {
    const member = members.find((candidate) => candidate.person.id === personId);
    return member ? `${member.person.firstName} ${member.person.lastName}` : 'osoba spoza rodziny';
  };
  const labels = new Map<string, string>(DOCUMENT_CHECKLIST.map((entry) => [entry.key, entry.label]));
  for (const [personId, statuses] of Object.entries(interview.documents)) {
    const missing = Object.entries(statuses).filter(([, status]) => status === 'missing').map(([key]) => labels.get(key) ?? key);
    if (missing.length > 0) notes.push(`Brakujące dokumenty (${name(personId)}): ${missing.join(', ')}.`);
  }
  if (interview.assets === null) notes.push('Nie odebrano oświadczenia o stanie majątkowym.');
  else if (interview.assets.signedOn === null) notes.push('Oświadczenie o stanie majątkowym nie ma daty podpisania.');
  const result = interview.incomeResult;
  const income = result
    ? `Dochód ${result.singlePerson ? 'osoby' : 'na osobę'}: ${formatZl(result.perPersonGr)}, to ${formatPercent(result.percentOfCriterion)} kryterium (${formatZl(result.criterionGr)}) — ${result.meetsCriterion ? 'mieści się w kryterium dochodowym' : 'przekracza kryterium dochodowe'}. Osób w gospodarstwie domowym: ${result.householdSize}.`
    : 'Nie wpisano dochodów: wywiad zostanie zakończony bez testu dochodowego.';
  const locked = [
    `odpowiedzi kwestionariusza (${definition.segments.filter((segment) => Object.values(interview.segments[segment.code] ?? {}).some((text) => text.trim() !== '')).length} z ${definition.segments.length} części wypełnionych)`,
    `data (${interview.conductedOn ? polishDate(interview.conductedOn) : 'brak'}) i miejsce wywiadu`,
    'lista dokumentów',
    'dochody i wynik testu dochodowego',
    ...(interview.assets ? ['oświadczenie o stanie majątkowym'] : []),
  ];
  return { blocking, notes, locked, income };
}

export function CompleteInterviewModal({
  interview,
  definition,
  members,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  interview: InterviewView | null;
  definition: InterviewForm;
  members: readonly MemberView[];
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const update = interview?.kind === 'update';
  const summary = interview ? summarize(interview, definition, members) : null;
  return (
    <Modal opened={interview !== null} onClose={onClose} title={update ? 'Zakończyć aktualizację wywiadu?' : 'Zakończyć wywiad środowiskowy?'} size="lg">
      {summary ? (
        <Stack gap="md" aria-label="Podsumowanie wywiadu">
          {summary.blocking.length > 0 ? (
            <Alert color="red" title="Nie można jeszcze zakończyć" role="alert">
              <List size="sm">
                {summary.blocking.map((item) => (
                  <List.Item key={item}>{item}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <Stack gap={4}>
            <Title order={3} fz={16}>
              Wynik testu dochodowego
            </Title>
            <Text>{summary.income}</Text>
          </Stack>
          <Stack gap={4}>
            <Title order={3} fz={16}>
              Po zakończeniu nie będzie można zmieniać
            </Title>
            <List size="sm">
              {summary.locked.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
            <Text size="sm" c="dimmed">
              Późniejsze zmiany w sytuacji rodziny odnotowuje się w aktualizacji wywiadu.
            </Text>
          </Stack>
          <Stack gap={4}>
            <Title order={3} fz={16}>
              Braki
            </Title>
            {summary.notes.length === 0 ? (
              <Text>Brak uwag.</Text>
            ) : (
              <List size="sm">
                {summary.notes.map((item) => (
                  <List.Item key={item}>{item}</List.Item>
                ))}
              </List>
            )}
          </Stack>
          {error ? (
            <Alert color="red" title="Nie zakończono wywiadu" role="alert">
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus={summary.blocking.length > 0 ? true : undefined}>
              Wróć do wywiadu
            </Button>
            {summary.blocking.length === 0 ? (
              <Button onClick={onConfirm} loading={busy} data-autofocus>
                {update ? 'Zakończ aktualizację' : 'Zakończ wywiad'}
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
