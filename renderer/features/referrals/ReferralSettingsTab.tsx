/**
 * The kierownik's settings of referrals: the FEPŻ threshold table (a new share from a future
 * date), sub-programmes with their validity end, partner organisations and their distribution
 * points, the declaration's maximum age, the RODO clause, and the social shop's rules.
 */
import { Alert, Button, Checkbox, Group, Paper, Radio, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { NumberText } from '../../components/NumberField';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { formatZl, parseZl } from '../../../shared/domain/income';
import type { ReferralConfigView, ReferralSettings } from '../../../shared/referrals';
import { parsePolishDate, polishDate } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} fz={18}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function ReferralSettingsTab({ config }: { config: ReferralConfigView }) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['referrals:config'] });
  const [notice, setNotice] = useState<{ color: string; text: string } | null>(null);
  const done = (text: string) => () => {
    setNotice({ color: 'green', text });
    refresh();
  };
  const failed = (e: Error) => setNotice({ color: 'red', text: errorMessage(e) });

  const addThreshold = useChannelMutation('referrals:addThreshold');
  const [threshold, setThreshold] = useState({ from: '', percent: '', source: '' });
  const saveSub = useChannelMutation('referrals:saveSubprogramme');
  const [sub, setSub] = useState({ name: '', until: '' });
  const savePartner = useChannelMutation('referrals:savePartner');
  const [partner, setPartner] = useState({ name: '', address: '', phone: '', point: '', pointAddress: '', hours: '' });
  const saveSettings = useChannelMutation('referrals:saveSettings');
  const [settings, setSettings] = useState<ReferralSettings>(config.settings);
  const [flat, setFlat] = useState(formatZl(config.settings.shop.flatGr).replace(/\s*zł$/, ''));
  const [groups, setGroups] = useState(config.settings.shop.groupsRegardless.join('\n'));

  const submitSettings = () => {
    const flatGr = parseZl(flat);
    if (flatGr === null) {
      setNotice({ color: 'red', text: 'Limit sklepu (kwota): wpisz kwotę w złotych, np. 2100,00.' });
      return;
    }
    const groupsRegardless = groups.split('\n').map((g) => g.trim()).filter(Boolean);
    saveSettings.mutate({ ...settings, shop: { ...settings.shop, flatGr, groupsRegardless } }, { onSuccess: done('Zapisano ustawienia skierowań.'), onError: failed });
  };

  return (
    <Stack gap="lg" maw={1100}>
      {notice ? (
        <Alert color={notice.color} withCloseButton onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      ) : null}

      <Block title="Próg pomocy żywnościowej FEPŻ">
        <Text c="dimmed">Procent kryterium dochodowego z art. 8 u.p.s. obowiązujący od danego dnia. Oświadczenie ocenia się według progu z dnia jego złożenia. Obowiązujących progów się nie zmienia; nowy dodaje się z datą z przyszłości.</Text>
        <Table maw={720} aria-label="Progi FEPŻ">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Od</Table.Th>
              <Table.Th>Próg</Table.Th>
              <Table.Th>Podstawa</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {config.thresholds.map((t) => (
              <Table.Tr key={t.validFrom}>
                <Table.Td>{polishDate(t.validFrom)}</Table.Td>
                <Table.Td>{t.percent}%</Table.Td>
                <Table.Td>{t.legalSource}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Nowy próg od (DD.MM.RRRR)" value={threshold.from} onChange={(e) => setThreshold({ ...threshold, from: e.currentTarget.value })} w={200} />
          <TextInput label="Próg (% kryterium)" value={threshold.percent} onChange={(e) => setThreshold({ ...threshold, percent: e.currentTarget.value })} w={160} />
          <TextInput label="Podstawa zmiany" value={threshold.source} onChange={(e) => setThreshold({ ...threshold, source: e.currentTarget.value })} w={320} />
          <Button
            variant="light"
            onClick={() => {
              const validFrom = parsePolishDate(threshold.from);
              if (!validFrom) return setNotice({ color: 'red', text: 'Wpisz datę progu w postaci DD.MM.RRRR.' });
              addThreshold.mutate({ validFrom, percent: Number(threshold.percent), legalSource: threshold.source }, { onSuccess: done('Dodano próg.'), onError: failed });
            }}
          >
            Dodaj próg
          </Button>
        </Group>
      </Block>

      <Block title="Podprogramy">
        {config.subprogrammes.length === 0 ? <Text c="dimmed">Nie ma jeszcze podprogramów.</Text> : null}
        {config.subprogrammes.map((s) => (
          <Text key={s.id}>
            {s.name} — skierowania ważne do {polishDate(s.validUntil)}
          </Text>
        ))}
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Nazwa podprogramu" placeholder="Podprogram 2026" value={sub.name} onChange={(e) => setSub({ ...sub, name: e.currentTarget.value })} w={260} />
          <TextInput label="Ważność skierowań do (DD.MM.RRRR)" value={sub.until} onChange={(e) => setSub({ ...sub, until: e.currentTarget.value })} w={240} />
          <Button variant="light" onClick={() => saveSub.mutate({ name: sub.name, validUntil: parsePolishDate(sub.until) }, { onSuccess: done(`Dodano podprogram ${sub.name}.`), onError: failed })}>
            Dodaj podprogram
          </Button>
        </Group>
      </Block>

      <Block title="Organizacje partnerskie i punkty wydawania">
        {config.partners.map((p) => (
          <Text key={p.id}>
            <b>{p.name}</b>, {p.address}
            {p.points.filter((x) => x.active).map((x) => ` · ${x.name} (${x.address}${x.hours ? `, ${x.hours}` : ''})`)}
          </Text>
        ))}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <TextInput label="Nazwa organizacji" value={partner.name} onChange={(e) => setPartner({ ...partner, name: e.currentTarget.value })} />
          <TextInput label="Adres organizacji" value={partner.address} onChange={(e) => setPartner({ ...partner, address: e.currentTarget.value })} />
          <TextInput label="Telefon organizacji" value={partner.phone} onChange={(e) => setPartner({ ...partner, phone: e.currentTarget.value })} />
          <TextInput label="Punkt wydawania" value={partner.point} onChange={(e) => setPartner({ ...partner, point: e.currentTarget.value })} />
          <TextInput label="Adres punktu" value={partner.pointAddress} onChange={(e) => setPartner({ ...partner, pointAddress: e.currentTarget.value })} />
          <TextInput label="Godziny wydawania" value={partner.hours} onChange={(e) => setPartner({ ...partner, hours: e.currentTarget.value })} />
        </SimpleGrid>
        <Group>
          <Button
            variant="light"
            onClick={() =>
              savePartner.mutate(
                { name: partner.name, address: partner.address, phone: partner.phone, points: [{ name: partner.point, address: partner.pointAddress, hours: partner.hours }] },
                { onSuccess: done(`Dodano organizację ${partner.name}.`), onError: failed },
              )
            }
          >
            Dodaj organizację
          </Button>
        </Group>
      </Block>

      <Block title="Oświadczenie, klauzula RODO i sklep socjalny">
        <NumberText label="Najstarsze oświadczenie o dochodach (dni)" value={settings.declarationMaxAgeDays} onChange={(v) => setSettings({ ...settings, declarationMaxAgeDays: v ?? Number.NaN })} min={1} max={365} w={300} />
        <Textarea label="Klauzula informacyjna RODO" value={settings.rodoClause} onChange={(e) => setSettings({ ...settings, rodoClause: e.currentTarget.value })} autosize minRows={4} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <TextInput label="Nazwa sklepu socjalnego" value={settings.shop.name} onChange={(e) => setSettings({ ...settings, shop: { ...settings.shop, name: e.currentTarget.value } })} />
          <TextInput label="Adres sklepu socjalnego" value={settings.shop.address} onChange={(e) => setSettings({ ...settings, shop: { ...settings.shop, address: e.currentTarget.value } })} />
        </SimpleGrid>
        <Radio.Group label="Limit dochodu w sklepie socjalnym" value={settings.shop.mode} onChange={(v) => setSettings({ ...settings, shop: { ...settings.shop, mode: v === 'flat' ? 'flat' : 'percent' } })}>
          <Group mt={4}>
            <Radio value="percent" label="Procent kryterium" />
            <Radio value="flat" label="Kwota na osobę" />
          </Group>
        </Radio.Group>
        <Group>
          <NumberText label="Limit (% kryterium)" value={settings.shop.percent} onChange={(v) => setSettings({ ...settings, shop: { ...settings.shop, percent: v ?? Number.NaN } })} disabled={settings.shop.mode !== 'percent'} w={200} />
          <TextInput label="Limit (zł na osobę)" value={flat} onChange={(e) => setFlat(e.currentTarget.value)} disabled={settings.shop.mode !== 'flat'} w={200} />
          <NumberText label="Ważność skierowania (dni)" value={settings.shop.validityDays} onChange={(v) => setSettings({ ...settings, shop: { ...settings.shop, validityDays: v ?? Number.NaN } })} w={220} />
        </Group>
        <Checkbox label="Do sklepu wymagana przesłanka z art. 7" checked={settings.shop.art7Required} onChange={(e) => setSettings({ ...settings, shop: { ...settings.shop, art7Required: e.currentTarget.checked } })} />
        <Textarea label="Limity zakupów" value={settings.shop.limitsText} onChange={(e) => setSettings({ ...settings, shop: { ...settings.shop, limitsText: e.currentTarget.value } })} autosize minRows={2} />
        <Textarea label="Grupy przyjmowane bez względu na dochód (jedna w wierszu)" value={groups} onChange={(e) => setGroups(e.currentTarget.value)} autosize minRows={2} />
        <Group>
          <Button onClick={submitSettings} loading={saveSettings.isPending}>
            Zapisz ustawienia skierowań
          </Button>
        </Group>
      </Block>
    </Stack>
  );
}
