/**
 * The strength meter under every field that sets a password (issue 14): the same check the main
 * process applies (shared/password.ts), shown while typing, with what to do about a weak one.
 */
import { Progress, Stack, Text } from '@mantine/core';
import { useWatch, type Control, type FieldValues, type Path } from 'react-hook-form';
import { PASSWORD_MIN_LENGTH, passwordStrength } from '../../shared/password';

const COLORS = ['red', 'red', 'orange', 'teal', 'green'] as const;

/** `name`: the password field; `related`: fields whose words make a password easy to guess (login, names). */
export function PasswordMeter<T extends FieldValues>({ control, name, related = [] }: { control: Control<T, unknown, FieldValues>; name: Path<T>; related?: Path<T>[] }) {
  const values = useWatch({ control, name: [name, ...related] }) as unknown[];
  const value = typeof values[0] === 'string' ? values[0] : '';
  const words = values.slice(1).filter((w): w is string => typeof w === 'string' && w.length > 0);
  const strength = value ? passwordStrength(value, words) : null;
  return (
    <Stack gap={4} component="span" display="flex">
      <span>Co najmniej {PASSWORD_MIN_LENGTH} znaków; najlepiej kilka słów, które do siebie nie pasują.</span>
      {strength ? (
        <>
          <Progress
            value={(strength.score + 1) * 20}
            color={COLORS[strength.score]}
            size="sm"
            aria-label={`Siła hasła: ${strength.label}`}
            component="span"
          />
          <Text span size="xs" c={strength.ok ? 'teal.8' : 'red.8'} aria-live="polite">
            Siła hasła: {strength.label}
            {strength.problem ? ` — ${strength.problem}` : ''}
          </Text>
        </>
      ) : null}
    </Stack>
  );
}
