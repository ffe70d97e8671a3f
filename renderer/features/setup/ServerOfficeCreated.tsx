import { Button, Code, List, Stack, Text } from '@mantine/core';
import { AuthFrame } from '../../components/AuthFrame';
import type { ServerSetupResult } from './SetupScreen';

/**
 * Shown once after an office was set up on the office server: what the other PCs of the office do
 * next. There is no recovery code on the server: a forgotten password is set by the kierownik, or
 * for the kierownik at the server PC.
 */
export function ServerOfficeCreated({ result, onDone }: { result: ServerSetupResult; onDone: () => void }) {
  return (
    <AuthFrame
      width={680}
      title="Ośrodek założony na serwerze"
      subtitle={`${result.officeName} działa na serwerze biura ${result.server.host}:${result.server.port}. Ten komputer jest już z nim połączony.`}
    >
      <Stack gap="sm">
        <Text fw={600}>Co dalej:</Text>
        <List spacing="xs" type="ordered">
          <List.Item>Zaloguj się jako kierownik i dodaj pracowników (Użytkownicy).</List.Item>
          <List.Item>
            Na każdym pozostałym komputerze biura wybierz przy pierwszym uruchomieniu „Serwer w biurze” → „Dołącz do serwera biura” i wpisz ten
            sam kod parowania.
          </List.Item>
          <List.Item>
            Kopie zapasowe robi się na komputerze z serwerem: <Code>npm run server -- backup --dir FOLDER_SERWERA --out FOLDER_KOPII</Code>.
          </List.Item>
          <List.Item>
            Zapomniane hasło kierownika ustawia się na komputerze z serwerem: <Code>npm run server -- reset-password --dir FOLDER_SERWERA --login LOGIN</Code>.
          </List.Item>
        </List>
      </Stack>
      <Button size="lg" onClick={onDone}>
        Przejdź do logowania
      </Button>
    </AuthFrame>
  );
}
