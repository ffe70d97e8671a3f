/**
 * Qualification and issue of a referral (FEPŻ or the social shop) without a full case: the
 * household from the office's register of persons (PESEL checked, a person already there is offered
 * for reuse), the last month's income as declared, the art. 7 reasons, the live result — or a
 * case's completed wywiad instead of a declaration. The main process decides again and numbers the PDF.
 */
import { Alert, Button, Checkbox, Group, Paper, Radio, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, RELATION_LABELS, RELATIONS, type Relation } from '../../../shared/cases';
import { ART7_REASON_LABELS, ART7_REASONS, type Art7Reason } from '../../../shared/domain/caseFlow';
import { REFERRAL_PROGRAMME_LABELS, type ReferralProgramme } from '../../../shared/domain/foodAid';
import { formatZl, INCOME_SOURCES, incomeSourceLabel, isExcludedSource, type IncomeSource } from '../../../shared/domain/income';
import { validatePesel } from '../../../shared/domain/pesel';
import { REFERRAL_CASE_SOURCES_PAGE_SIZE_DEFAULT, type ReferralCaseSource, type ReferralConfigView, type ReferralView } from '../../../shared/referrals';
import { ApiError, call } from '../../api';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';
import { polishDate } from '../../lib/dates';
import { SEARCH_DEBOUNCE_MS } from '../search/CaseSearch';
import { emptyDraft, emptyIncome, emptyMember, issueInput, liveResult, type DocumentType, type IncomeDraft, type MemberDraft, type QualifyDraft } from './qualifyForm';

/** The PESEL's problem once all 11 digits are typed (nothing while typing). */
function peselError(text: string): string | undefined {
  if (text.trim().length < 11) return undefined;
  const check = validatePesel(text.trim());
  return check.ok ? undefined : check.message;
}

export function QualifyTab({ config }: { config: ReferralConfigView }) {
  const [draft, setDraft] = useState<QualifyDraft>(() => emptyDraft('fepz', config.today));
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [duplicateReason, setDuplicateReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<ReferralView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const issue = useChannelMutation('referrals:issue');
  const open = useChannelMutation('documents:open');
  const print = useChannelMutation('documents:print');
  // The cases a wywiad may come from: a page found by number or family name (a large office has thousands).
  const [sourceText, setSourceText] = useState('');
  const [sourceQuery] = useDebouncedValue(sourceText.trim(), SEARCH_DEBOUNCE_MS);
  const [chosenSource, setChosenSource] = useState<ReferralCaseSource | null>(null);
  const sources = useQuery({
    queryKey: ['referrals:caseSources', sourceQuery],
    queryFn: () => call('referrals:caseSources', { query: sourceQuery, pageSize: REFERRAL_CASE_SOURCES_PAGE_SIZE_DEFAULT }),
    enabled: draft.basis === 'interview',
    placeholderData: keepPreviousData,
  });
  const sourceRows = sources.data?.rows ?? [];
  const sourceOptions = chosenSource && !sourceRows.some((s) => s.caseId === chosenSource.caseId) ? [chosenSource, ...sourceRows] : sourceRows;

  const set = (change: Partial<QualifyDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setError(null);
  };
  const setMember = (key: string, change: Partial<MemberDraft>) => set({ members: draft.members.map((m) => (m.key === key ? { ...m, ...change } : m)) });
  const setIncome = (key: string, change: Partial<IncomeDraft>) => set({ incomes: draft.incomes.map((i) => (i.key === key ? { ...i, ...change } : i)) });

  const result = liveResult(draft, config);
  const subprogrammes = config.subprogrammes.filter((s) => s.validUntil >= config.today);
  const partners = config.partners.filter((p) => p.active);
  const partner = partners.find((p) => p.id === draft.partnerId) ?? null;

  /** A PESEL typed in full is looked up in the office's register: the person is offered instead of a new one. */
  const checkPesel = async (member: MemberDraft) => {
    const pesel = member.pesel.trim();
    if (!validatePesel(pesel).ok) return;
    const hints = await call('cases:findDuplicates', { pesel }).catch(() => []);
    // Only a person this user may see and link is offered (issue 14: someone else's person stays unnamed).
    const hint = hints.find((h) => h.attachable && h.name && h.birthDate);
    if (hint?.name && hint.birthDate) setMember(member.key, { existingPersonId: hint.personId, existingLabel: `${hint.name}, ur. ${polishDate(hint.birthDate)}` });
  };

  const submit = () => {
    setNotice(null);
    const input = issueInput(draft, duplicate ? duplicateReason : '');
    if (typeof input === 'string') {
      setError(input);
      return;
    }
    issue.mutate(input, {
      onSuccess: (referral) => {
        setIssued(referral);
        setDuplicate(null);
        setDuplicateReason('');
        setDraft(emptyDraft(draft.programme, config.today));
        void queryClient.invalidateQueries({ queryKey: ['referrals:list'] });
      },
      onError: (e) => {
        if (e instanceof ApiError && e.code === 'CONFLICT' && e.fields?.['duplicateReason']) {
          setDuplicate(e.message);
          return;
        }
        setError(errorMessage(e));
      },
    });
  };

  const show = (mode: 'open' | 'print', referral: ReferralView) =>
    (mode === 'open' ? open : print).mutate(
      { documentId: referral.documentId },
      {
        onSuccess: () => setNotice(mode === 'open' ? `Skierowanie nr ${referral.number} otwarto w przeglądarce plików PDF.` : `Skierowanie nr ${referral.number} otwarto w przeglądarce plików PDF: wybierz w niej „Drukuj” (Ctrl+P).`),
        onError: (e) => setNotice(errorMessage(e)),
      },
    );

  const memberOptions = draft.members.map((m, i) => ({ value: m.key, label: m.existingLabel ?? (`${m.firstName} ${m.lastName}`.trim() || `Osoba ${i + 1}`) }));

  return (
    <Stack gap="lg" maw={1100}>
      {issued ? (
        <Alert color="green" title={`Wydano skierowanie nr ${issued.number}`}>
          <Stack gap="xs">
            <Text>
              {issued.personName}, gospodarstwo domowe: {issued.householdSize} os., ważne do {polishDate(issued.validUntil)}.
            </Text>
            <Group gap="sm">
              <Button variant="light" onClick={() => show('open', issued)} aria-label={`Otwórz skierowanie nr ${issued.number}`}>
                Otwórz
              </Button>
              <Button variant="light" onClick={() => show('print', issued)} aria-label={`Drukuj skierowanie nr ${issued.number}`}>
                Drukuj
              </Button>
            </Group>
            {notice ? <Text>{notice}</Text> : null}
          </Stack>
        </Alert>
      ) : null}

      <Paper withBorder radius="md" p="md" component="section" aria-label="Rodzaj i podstawa">
        <Stack gap="sm">
          <Radio.Group label="Rodzaj skierowania" value={draft.programme} onChange={(value) => set({ programme: value as ReferralProgramme })}>
            <Group gap="lg" mt={4}>
              {(['fepz', 'shop'] as const).map((p) => (
                <Radio key={p} value={p} label={REFERRAL_PROGRAMME_LABELS[p]} />
              ))}
            </Group>
          </Radio.Group>
          <Radio.Group label="Podstawa kwalifikacji" value={draft.basis} onChange={(value) => set({ basis: value === 'interview' ? 'interview' : 'declaration' })}>
            <Group gap="lg" mt={4}>
              <Radio value="declaration" label="Oświadczenie o dochodach" />
              <Radio value="interview" label="Zakończony wywiad ze sprawy" />
            </Group>
          </Radio.Group>
          {draft.basis === 'interview' ? (
            <Stack gap={4}>
              <TextInput label="Szukaj sprawy" description="Numer sprawy albo nazwisko" value={sourceText} onChange={(e) => setSourceText(e.currentTarget.value)} maw={320} />
              <Select
                label="Sprawa"
                placeholder={sources.data?.total === 0 ? (sourceQuery ? 'Brak takich spraw z zakończonym wywiadem' : 'Brak spraw z zakończonym wywiadem') : 'Wybierz sprawę'}
                data={sourceOptions.map((s) => ({ value: s.caseId, label: `${s.caseNumber} — ${s.familyName} (wywiad ${polishDate(s.conductedOn)}, ${s.householdSize} os.)` }))}
                value={draft.caseId}
                onChange={(value) => {
                  const source = sourceOptions.find((s) => s.caseId === value) ?? null;
                  setChosenSource(source);
                  set({ caseId: value, reasons: source ? source.reasons : draft.reasons });
                }}
                maw={640}
              />
              {sources.data && sources.data.total > sourceRows.length ? (
                <Text size="sm" c="dimmed" aria-live="polite">
                  Pokazano {sourceRows.length} z {sources.data.total} spraw: wpisz numer sprawy lub nazwisko, aby zawęzić listę.
                </Text>
              ) : null}
            </Stack>
          ) : (
            <TextInput label="Data oświadczenia" description="DD.MM.RRRR" value={draft.declaredOn} onChange={(e) => set({ declaredOn: e.currentTarget.value })} maw={220} />
          )}
        </Stack>
      </Paper>

      {draft.basis === 'declaration' ? (
        <Paper withBorder radius="md" p="md" component="section" aria-label="Gospodarstwo domowe">
          <Stack gap="sm">
            <Title order={2} fz={18}>
              Gospodarstwo domowe
            </Title>
            {draft.members.map((m, index) => (
              <Paper key={m.key} withBorder p="sm" component="fieldset" aria-label={`Osoba ${index + 1}`} style={{ margin: 0 }}>
                {m.existingPersonId ? (
                  <Group justify="space-between">
                    <Text>
                      Osoba z rejestru ośrodka: <b>{m.existingLabel}</b>
                    </Text>
                    <Button variant="subtle" onClick={() => setMember(m.key, { existingPersonId: null, existingLabel: null })}>
                      Wpisz inną osobę
                    </Button>
                  </Group>
                ) : (
                  <Stack gap="xs">
                    <SimpleGrid cols={{ base: 1, md: 4 }} spacing="sm">
                      {m.noPesel ? (
                        <TextInput label={`Data urodzenia (osoba ${index + 1})`} description="DD.MM.RRRR" value={m.birthDate} onChange={(e) => setMember(m.key, { birthDate: e.currentTarget.value })} />
                      ) : (
                        <TextInput label={`PESEL (osoba ${index + 1})`} value={m.pesel} onChange={(e) => setMember(m.key, { pesel: e.currentTarget.value })} onBlur={() => void checkPesel(m)} error={peselError(m.pesel)} />
                      )}
                      <TextInput label={`Imię (osoba ${index + 1})`} value={m.firstName} onChange={(e) => setMember(m.key, { firstName: e.currentTarget.value })} />
                      <TextInput label={`Nazwisko (osoba ${index + 1})`} value={m.lastName} onChange={(e) => setMember(m.key, { lastName: e.currentTarget.value })} />
                      {index === 0 ? (
                        <Text mt="lg">Wnioskodawca</Text>
                      ) : (
                        <Select
                          label={`Pokrewieństwo (osoba ${index + 1})`}
                          data={RELATIONS.filter((r) => r !== 'applicant').map((r) => ({ value: r, label: RELATION_LABELS[r] }))}
                          value={m.relation}
                          onChange={(value) => value && setMember(m.key, { relation: value as Relation })}
                          allowDeselect={false}
                        />
                      )}
                    </SimpleGrid>
                    <Checkbox label={`Osoba ${index + 1} nie ma numeru PESEL`} checked={m.noPesel} onChange={(e) => setMember(m.key, { noPesel: e.currentTarget.checked })} />
                    {m.noPesel ? (
                      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
                        <Select label={`Płeć (osoba ${index + 1})`} data={[{ value: 'F', label: 'kobieta' }, { value: 'M', label: 'mężczyzna' }]} value={m.sex} onChange={(value) => setMember(m.key, { sex: value === 'F' || value === 'M' ? value : null })} />
                        <Select
                          label={`Dokument tożsamości (osoba ${index + 1})`}
                          data={DOCUMENT_TYPES.map((d) => ({ value: d, label: DOCUMENT_TYPE_LABELS[d] }))}
                          value={m.documentType}
                          onChange={(value) => value && setMember(m.key, { documentType: value as DocumentType })}
                          allowDeselect={false}
                        />
                        <TextInput label={`Numer dokumentu (osoba ${index + 1})`} value={m.documentNumber} onChange={(e) => setMember(m.key, { documentNumber: e.currentTarget.value })} />
                      </SimpleGrid>
                    ) : null}
                  </Stack>
                )}
                {index > 0 ? (
                  <Button variant="subtle" color="red" mt="xs" onClick={() => set({ members: draft.members.filter((x) => x.key !== m.key), incomes: draft.incomes.filter((i) => i.memberKey !== m.key) })}>
                    Usuń osobę {index + 1}
                  </Button>
                ) : null}
              </Paper>
            ))}
            <Group>
              <Button variant="light" onClick={() => set({ members: [...draft.members, emptyMember('child')] })}>
                Dodaj osobę
              </Button>
            </Group>

            <Title order={2} fz={18} mt="md">
              Dochody z ostatniego miesiąca
            </Title>
            <Text c="dimmed">Jak w teście dochodowym: kwota brutto, od której odlicza się podatek, składki i alimenty płacone na inne osoby; świadczenia niewliczane do dochodu (np. 800+) są pomijane.</Text>
            {draft.incomes.map((row, index) => (
              <Paper key={row.key} withBorder p="sm" component="fieldset" aria-label={`Dochód ${index + 1}`} style={{ margin: 0 }}>
                <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
                  <Select label={`Osoba (dochód ${index + 1})`} data={memberOptions} value={row.memberKey} onChange={(value) => value && setIncome(row.key, { memberKey: value })} allowDeselect={false} />
                  <Select
                    label={`Źródło (dochód ${index + 1})`}
                    data={INCOME_SOURCES.map((s) => ({ value: s, label: `${incomeSourceLabel(s)}${isExcludedSource(s) ? ' (nie wlicza się)' : ''}` }))}
                    value={row.source}
                    onChange={(value) => value && setIncome(row.key, { source: value as IncomeSource })}
                    allowDeselect={false}
                    searchable
                  />
                  <TextInput label={`Kwota brutto (dochód ${index + 1})`} value={row.gross} onChange={(e) => setIncome(row.key, { gross: e.currentTarget.value })} rightSection="zł" />
                  <TextInput label={`Podatek (dochód ${index + 1})`} value={row.tax} onChange={(e) => setIncome(row.key, { tax: e.currentTarget.value })} rightSection="zł" />
                  <TextInput label={`Składki (dochód ${index + 1})`} value={row.contributions} onChange={(e) => setIncome(row.key, { contributions: e.currentTarget.value })} rightSection="zł" />
                  <TextInput label={`Alimenty płacone (dochód ${index + 1})`} value={row.alimonyPaid} onChange={(e) => setIncome(row.key, { alimonyPaid: e.currentTarget.value })} rightSection="zł" />
                </SimpleGrid>
                <Button variant="subtle" color="red" mt="xs" onClick={() => set({ incomes: draft.incomes.filter((i) => i.key !== row.key) })}>
                  Usuń dochód {index + 1}
                </Button>
              </Paper>
            ))}
            <Group>
              <Button variant="light" onClick={() => set({ incomes: [...draft.incomes, emptyIncome(draft.members[0]?.key ?? '')] })}>
                Dodaj dochód
              </Button>
            </Group>
            <TextInput label="Gospodarstwo rolne (ha przeliczeniowe)" value={draft.farmHectares} onChange={(e) => set({ farmHectares: e.currentTarget.value })} maw={260} />
          </Stack>
        </Paper>
      ) : null}

      <Paper withBorder radius="md" p="md" component="section" aria-label="Przesłanki i miejsce">
        <Stack gap="sm">
          <Checkbox.Group
            label="Przesłanki z art. 7 ustawy o pomocy społecznej"
            description={draft.programme === 'fepz' || config.settings.shop.art7Required ? 'Wymagana co najmniej jedna.' : 'Ośrodek nie wymaga przesłanki do sklepu socjalnego.'}
            value={draft.reasons}
            onChange={(value) => set({ reasons: value as Art7Reason[] })}
          >
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing={4} mt={6}>
              {ART7_REASONS.map((r) => (
                <Checkbox key={r} value={r} label={ART7_REASON_LABELS[r]} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {draft.programme === 'fepz' ? (
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
              <Select label="Podprogram" placeholder={subprogrammes.length ? 'Wybierz' : 'Brak podprogramów — dodaje je kierownik'} data={subprogrammes.map((s) => ({ value: s.id, label: `${s.name} (do ${polishDate(s.validUntil)})` }))} value={draft.subprogrammeId} onChange={(value) => set({ subprogrammeId: value })} />
              <Select label="Organizacja partnerska" placeholder="Wybierz" data={partners.map((p) => ({ value: p.id, label: p.name }))} value={draft.partnerId} onChange={(value) => set({ partnerId: value, pointId: null })} />
              <Select label="Punkt wydawania" placeholder={partner ? 'Wybierz' : 'Najpierw wybierz organizację'} data={(partner?.points ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: `${x.name}, ${x.address}` }))} value={draft.pointId} onChange={(value) => set({ pointId: value })} />
            </SimpleGrid>
          ) : (
            <Select
              label="Grupa przyjmowana bez względu na dochód"
              placeholder={config.settings.shop.groupsRegardless.length ? 'Brak (decyduje dochód)' : 'Ośrodek nie ustalił takich grup'}
              data={config.settings.shop.groupsRegardless}
              value={draft.admittedGroup}
              onChange={(value) => set({ admittedGroup: value })}
              clearable
              maw={420}
            />
          )}
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p="md" component="section" aria-label="Wynik kwalifikacji" aria-live="polite">
        {typeof result === 'string' ? (
          <Text c="dimmed">{result}</Text>
        ) : (
          <Stack gap={6}>
            <Table withRowBorders={false} maw={640}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>Dochód na osobę</Table.Td>
                  <Table.Td fw={600}>{formatZl(result.income.perPersonGr)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>Próg na osobę</Table.Td>
                  <Table.Td fw={600}>
                    {formatZl(result.thresholdGr)} ({result.thresholdLabel})
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Text fw={700} c={result.eligible ? 'green.8' : 'red.8'}>
              {result.eligible ? 'Kwalifikuje się' : 'Nie kwalifikuje się'}
            </Text>
            {result.reasons.map((r) => (
              <Text key={r}>{r}</Text>
            ))}
            {result.income.excludedItems.map((x) => (
              <Text key={x.index} c="dimmed" fz="sm">
                {x.label}: {x.reason}
              </Text>
            ))}
            {result.income.farmNote ? <Text c="dimmed" fz="sm">{result.income.farmNote}</Text> : null}
          </Stack>
        )}
      </Paper>

      {duplicate ? (
        <Alert color="orange" title="Ta osoba ma już ważne skierowanie">
          <Stack gap="sm">
            <Text>{duplicate}</Text>
            <Textarea label="Powód kolejnego skierowania" value={duplicateReason} onChange={(e) => setDuplicateReason(e.currentTarget.value)} autosize minRows={2} maw={640} />
          </Stack>
        </Alert>
      ) : null}
      {error ? (
        <Alert color="red" title="Nie wydano skierowania">
          {error}
        </Alert>
      ) : null}
      <Group>
        <Button onClick={submit} loading={issue.isPending} disabled={duplicate !== null && duplicateReason.trim() === ''}>
          {duplicate ? 'Wydaj kolejne skierowanie' : 'Wydaj skierowanie'}
        </Button>
      </Group>
    </Stack>
  );
}
