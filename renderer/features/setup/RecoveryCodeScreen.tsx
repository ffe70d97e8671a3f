import { Alert, Box, Button, Checkbox, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AuthFrame } from '../../components/AuthFrame';
import { groupRecoveryCode } from './recoveryCode';

/**
 * Shown once, right after set-up: the code that opens the database when every password is lost.
 * It is kept only in this component's props; leaving the screen forgets it.
 */
export function RecoveryCodeScreen({
  recoveryCode,
  officeName,
  onDone,
}: {
  recoveryCode: string;
  officeName: string;
  onDone: () => void;
}) {
  const [saved, setSaved] = useState(false);
  const groups = groupRecoveryCode(recoveryCode);
  const createdOn = dayjs().format('DD.MM.YYYY');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(groups.join('-'));
      notifications.show({
        color: 'petrol',
        title: 'Skopiowano kod do schowka',
        message: 'Wklej go tylko tam, gdzie nikt niepowołany go nie zobaczy. Nie zapisuj go w zwykłym pliku na tym komputerze.',
      });
    } catch {
      notifications.show({
        color: 'red',
        title: 'Nie udało się skopiować kodu',
        message: 'Przepisz kod ręcznie albo wydrukuj go przyciskiem „Drukuj”.',
      });
    }
  };

  return (
    <AuthFrame
      width={760}
      title="Kod odzyskiwania"
      subtitle="Baza ośrodka jest gotowa. Zanim przejdziesz dalej, zabezpiecz poniższy kod — zobaczysz go tylko ten jeden raz."
    >
      <Paper className="print-sheet" withBorder p="lg" radius="md" bg="petrol.0">
        <Stack gap="md">
          <Box className="print-only">
            <Title order={2} fz={22}>
              Asysta — kod odzyskiwania dostępu
            </Title>
            <Text>{officeName}</Text>
            <Text>Data utworzenia: {createdOn}</Text>
          </Box>
          <SimpleGrid
            data-testid="recovery-code"
            cols={4}
            spacing="xs"
            verticalSpacing={4}
            ff="monospace"
            fz={{ base: 26, sm: 34 }}
            fw={700}
            ta="center"
            lts={3}
          >
            {groups.map((group, index) => (
              // The trailing space keeps the groups apart in the copied or read-out text.
              <span key={index}>{`${group} `}</span>
            ))}
          </SimpleGrid>
          <List spacing={6} size="md">
            <List.Item>
              Wydrukuj kod albo starannie go przepisz i przechowuj w sejfie ośrodka, z dala od komputera.
            </List.Item>
            <List.Item>
              To jedyny sposób, by otworzyć bazę, gdy wszyscy użytkownicy zapomną haseł. Programu nie da się odblokować w
              inny sposób.
            </List.Item>
            <List.Item>
              Kto ma ten kod, może odczytać wszystkie dane ośrodka. Nie przesyłaj go e-mailem ani nie zapisuj w pliku.
            </List.Item>
          </List>
          <Stack className="print-only" gap="lg" mt="xl">
            <Text>Miejsce przechowywania: ..................................................................</Text>
            <Text>Data i podpis kierownika: ..............................................................</Text>
          </Stack>
        </Stack>
      </Paper>

      <Group className="no-print" gap="sm">
        <Button variant="default" onClick={() => void copy()}>
          Kopiuj kod
        </Button>
        <Button variant="default" onClick={() => window.print()}>
          Drukuj
        </Button>
      </Group>

      <Alert className="no-print" color="yellow" title="Kod nie zostanie pokazany ponownie">
        Po przejściu dalej program nie wyświetli tego kodu. Jeśli go zgubisz, w razie utraty wszystkich haseł dane będą
        nie do odzyskania.
      </Alert>

      <Stack className="no-print" gap="md">
        <Checkbox
          label="Zapisałem/zapisałam kod w bezpiecznym miejscu"
          checked={saved}
          onChange={(event) => setSaved(event.currentTarget.checked)}
        />
        <Button size="lg" disabled={!saved} onClick={onDone}>
          Przejdź do logowania
        </Button>
      </Stack>
    </AuthFrame>
  );
}
