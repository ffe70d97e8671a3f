/**
 * The user's text size (100 / 115 / 130 %), kept per user by the main process and applied to
 * every screen of her session: the root font size, which all of Mantine's rem-based sizes follow.
 */
import { Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { TEXT_SCALE_LABELS, TEXT_SCALES, type AccountPreferences, type TextScale } from '../../../shared/account';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { errorMessage } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';

const preferencesKey = (userId: string) => ['account', 'preferences', userId] as const;

function usePreferences(userId: string) {
  return useQuery({ queryKey: preferencesKey(userId), queryFn: () => call('account:preferences', {}), staleTime: Infinity });
}

/** Applies the signed-in user's text size while her screens are shown; back to 100 % after. */
export function useTextScale(userId: string): void {
  const scale = usePreferences(userId).data?.textScale ?? 100;
  useEffect(() => {
    const root = document.documentElement;
    root.style.fontSize = scale === 100 ? '' : `${scale}%`;
    root.dataset['textScale'] = String(scale);
    return () => {
      root.style.fontSize = '';
      delete root.dataset['textScale'];
    };
  }, [scale]);
}

const asScale = (value: string): TextScale | null => TEXT_SCALES.find((scale) => String(scale) === value) ?? null;

/** "Wielkość tekstu" in "Moje konto": saved at once, applied at once. */
export function TextScaleSection({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const preferences = usePreferences(userId);
  const save = useChannelMutation('account:setTextScale');
  const current = preferences.data?.textScale ?? 100;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Wielkość tekstu">
      <Stack gap="sm">
        <Title order={2} fz={20} id="text-scale-title">
          Wielkość tekstu
        </Title>
        <Text size="sm" c="dimmed">
          Dotyczy wszystkich ekranów programu po zalogowaniu na Twoje konto, także na innym stanowisku tego ośrodka.
        </Text>
        <SegmentedControl
          aria-labelledby="text-scale-title"
          value={String(current)}
          onChange={(value) => {
            const scale = asScale(value);
            if (scale === null || scale === current) return;
            save.mutate(
              { textScale: scale },
              { onSuccess: (saved: AccountPreferences) => queryClient.setQueryData(preferencesKey(userId), saved) },
            );
          }}
          data={TEXT_SCALES.map((scale) => ({ value: String(scale), label: TEXT_SCALE_LABELS[scale] }))}
          disabled={preferences.isPending}
          maw={560}
        />
        <FormError message={save.error ? errorMessage(save.error) : undefined} title="Nie zapisano wielkości tekstu" />
      </Stack>
    </Paper>
  );
}
