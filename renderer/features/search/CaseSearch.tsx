/**
 * Search while typing (issue 8), in the header of every screen: by surname or first name (with or
 * without Polish letters: "Zolc" finds "Żółć"), PESEL or part of it, address, case number. The main
 * process answers only with cases the user may open, ranked; ↑/↓ choose a result, Enter opens it.
 */
import { Combobox, Group, Loader, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { SEARCH_MIN_CHARS, SEARCH_QUERY_MAX, type SearchHit } from '../../../shared/search';
import { call } from '../../api';
import { errorMessage } from '../../lib/errors';
import { CaseStatusBadge } from '../cases/CaseStatusBadge';
import { useNavigation } from '../layout/navigation';

export const SEARCH_DEBOUNCE_MS = 150;
const RESULTS = 10;

/** Letters and digits typed, as the main process counts them before it searches. */
function meaningfulChars(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

export function CaseSearch() {
  const { navigate } = useNavigation();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const enabled = meaningfulChars(debounced) >= SEARCH_MIN_CHARS;
  const search = useQuery({
    queryKey: ['search', debounced],
    queryFn: () => call('search:cases', { query: debounced, limit: RESULTS }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const hits: SearchHit[] = enabled ? (search.data ?? []) : [];
  const typing = text.trim() !== debounced || (enabled && search.isFetching);

  const open = (caseId: string) => {
    combobox.closeDropdown();
    setText('');
    combobox.targetRef.current?.blur();
    navigate({ view: 'case', caseId });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter before choosing with the arrows opens the best match.
    if (event.key === 'Enter' && combobox.getSelectedOptionIndex() === -1 && hits[0]) {
      event.preventDefault();
      open(hits[0].caseId);
    }
    if (event.key === 'Escape') setText('');
  };

  return (
    <Combobox store={combobox} onOptionSubmit={open} width={560} position="bottom-start" shadow="md">
      <Combobox.Target>
        <TextInput
          aria-label="Szukaj sprawy"
          placeholder="Szukaj: nazwisko, PESEL, adres…"
          value={text}
          maxLength={SEARCH_QUERY_MAX}
          onChange={(event) => {
            setText(event.currentTarget.value);
            combobox.openDropdown();
            combobox.resetSelectedOption();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={onKeyDown}
          rightSection={typing ? <Loader size="xs" aria-hidden="true" /> : null}
          w={{ base: 220, lg: 320 }}
          spellCheck={false}
          autoComplete="off"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={text.trim() === ''}>
        <Combobox.Options aria-label="Wyniki wyszukiwania" mah={460} style={{ overflowY: 'auto' }}>
          {meaningfulChars(text) < SEARCH_MIN_CHARS ? (
            <Combobox.Empty>Wpisz co najmniej {SEARCH_MIN_CHARS} znaki.</Combobox.Empty>
          ) : search.error ? (
            <Combobox.Empty>{errorMessage(search.error)}</Combobox.Empty>
          ) : hits.length === 0 ? (
            <Combobox.Empty>{typing ? 'Szukam…' : 'Nie znaleziono spraw, do których masz dostęp.'}</Combobox.Empty>
          ) : (
            hits.map((hit) => <HitOption key={hit.caseId} hit={hit} />)
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

function HitOption({ hit }: { hit: SearchHit }) {
  const others = hit.members.filter((name) => name !== hit.familyName);
  return (
    <Combobox.Option value={hit.caseId} aria-label={`${hit.familyName}, sprawa ${hit.number}`}>
      <Stack gap={2}>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text fw={600} truncate="end">
            {hit.familyName}
          </Text>
          <CaseStatusBadge status={hit.status} size="sm" />
        </Group>
        <Text size="sm" c="dimmed" truncate="end">
          {hit.number} · {hit.address}
        </Text>
        {others.length > 0 ? (
          <Text size="sm" c="dimmed" truncate="end">
            Także: {others.join(', ')}
          </Text>
        ) : null}
      </Stack>
    </Combobox.Option>
  );
}
