/**
 * "Skierowania" (issue 19): food aid under FEPŻ 2021–2027 and the social shop. Workers and the
 * kierownik qualify and issue; each programme has its own register; the kierownik keeps the settings.
 * An assistant sees the registers with her families' referrals only.
 */
import { Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { can } from '../../../shared/domain/roles';
import { call } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../layout/session';
import { QualifyTab } from './QualifyTab';
import { ReferralSettingsTab } from './ReferralSettingsTab';
import { RegisterTab } from './RegisterTab';

export function ReferralsPage() {
  const { user } = useSession();
  const issues = can(user.roles, 'referrals.issue');
  const manages = can(user.roles, 'settings.manage');
  const [tab, setTab] = useState<string | null>(issues ? 'qualify' : 'fepz');
  const config = useQuery({ queryKey: ['referrals:config'], queryFn: () => call('referrals:config', {}) });
  return (
    <Stack gap="lg">
      <PageHeader
        title="Skierowania"
        description="Pomoc żywnościowa (Fundusze Europejskie na Pomoc Żywnościową 2021–2027) i sklep socjalny: kwalifikacja bez zakładania sprawy, numerowane skierowanie, rejestry i listy dla partnerów."
      />
      <QueryState isPending={config.isPending} error={config.error} onRetry={() => void config.refetch()} loadingLabel="Wczytywanie ustawień skierowań…" />
      {config.data ? (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            {issues ? <Tabs.Tab value="qualify">Kwalifikacja i wydanie</Tabs.Tab> : null}
            <Tabs.Tab value="fepz">Rejestr FEPŻ</Tabs.Tab>
            <Tabs.Tab value="shop">Rejestr sklepu socjalnego</Tabs.Tab>
            {manages ? <Tabs.Tab value="settings">Ustawienia skierowań</Tabs.Tab> : null}
          </Tabs.List>
          {issues ? (
            <Tabs.Panel value="qualify" pt="md">
              <QualifyTab config={config.data} />
            </Tabs.Panel>
          ) : null}
          <Tabs.Panel value="fepz" pt="md">
            <RegisterTab programme="fepz" config={config.data} />
          </Tabs.Panel>
          <Tabs.Panel value="shop" pt="md">
            <RegisterTab programme="shop" config={config.data} />
          </Tabs.Panel>
          {manages ? (
            <Tabs.Panel value="settings" pt="md">
              <ReferralSettingsTab key={JSON.stringify(config.data.settings)} config={config.data} />
            </Tabs.Panel>
          ) : null}
        </Tabs>
      ) : null}
    </Stack>
  );
}
