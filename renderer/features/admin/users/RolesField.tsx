import { Checkbox, Stack } from '@mantine/core';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/domain/roles';

const ROLE_HINTS: Record<Role, string> = {
  head: 'Widzi wszystkie sprawy, decyduje o przydziale asystentów, zarządza użytkownikami i ustawieniami.',
  social_worker: 'Przyjmuje zgłoszenia, przeprowadza wywiady środowiskowe i prowadzi sprawy.',
  family_assistant: 'Pracuje z przydzielonymi rodzinami.',
};

/** The roles as checkboxes with their Polish names (each found by its label). */
export function RolesField({
  value,
  onChange,
  error,
}: {
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  error: string | undefined;
}) {
  return (
    <Checkbox.Group
      label="Role"
      description="Zaznacz co najmniej jedną. Rola decyduje, co użytkownik widzi i może zrobić."
      value={[...value]}
      onChange={(selected) => onChange(ROLES.filter((role) => selected.includes(role)))}
      error={error}
    >
      <Stack gap="xs" mt="xs">
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={ROLE_LABELS[role]} description={ROLE_HINTS[role]} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
