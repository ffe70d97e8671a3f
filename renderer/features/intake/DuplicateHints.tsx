import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import type { DuplicateHint } from '../../../shared/cases';
import { polishDate } from '../../lib/dates';
import { useNavigation } from '../layout/navigation';

/** "Małgorzata Żółć, ur. 17.04.1991, PESEL …1234": enough to recognise the person, not to copy her data. */
export function hintLabel(hint: DuplicateHint): string {
  if (!hint.name || !hint.birthDate) return 'Osoba z rejestru ośrodka';
  return `${hint.name}, ur. ${polishDate(hint.birthDate)}${hint.peselEnd ? `, PESEL …${hint.peselEnd}` : ''}`;
}

/**
 * Persons already in the office's records who match what was typed. Choosing one links the case
 * to that person instead of creating a duplicate (the main process refuses a second PESEL anyway).
 */
export function DuplicateHints({ hints, onUse }: { hints: readonly DuplicateHint[]; onUse: (hint: DuplicateHint) => void }) {
  const { navigate } = useNavigation();
  if (hints.length === 0) return null;
  return (
    <Alert color="yellow" title="Ta osoba może już być w bazie ośrodka" role="status">
      <Stack gap="sm">
        {hints.map((hint) => (
          <Group key={hint.personId} justify="space-between" align="center" wrap="wrap" gap="sm">
            <Stack gap={2}>
              <Text fw={600}>{hint.name ? `Ta osoba jest już w bazie: ${hintLabel(hint)}` : 'Osoba o tych danych jest już w rejestrze ośrodka.'}</Text>
              <Text size="sm">
                {hint.matchedBy === 'pesel' ? 'Zgadza się numer PESEL.' : 'Zgadzają się imię, nazwisko i data urodzenia.'}{' '}
                {hint.visibleCaseIds.length > 0 ? 'Osoba występuje w sprawie, do której masz dostęp. ' : ''}
                {hint.hasOtherCases ? 'Osoba występuje też w sprawach innych pracowników.' : ''}
              </Text>
              {hint.attachable ? null : (
                <Text size="sm">
                  Dołączyć ją do nowej sprawy może kierownik ośrodka. Zapytaj: {hint.askWhom.join(', ')}.
                </Text>
              )}
              {hint.visibleCaseIds.map((caseId, i) => (
                <Anchor key={caseId} component="button" type="button" size="sm" ta="left" onClick={() => navigate({ view: 'case', caseId })}>
                  Otwórz sprawę{hint.visibleCaseIds.length > 1 ? ` ${i + 1}` : ''}
                </Anchor>
              ))}
            </Stack>
            {hint.attachable ? (
              <Button variant="filled" color="yellow.8" onClick={() => onUse(hint)} aria-label={`Użyj tej osoby: ${hintLabel(hint)}`}>
                Użyj tej osoby
              </Button>
            ) : null}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
