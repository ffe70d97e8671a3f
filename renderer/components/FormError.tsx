import { Alert } from '@mantine/core';

/** The form-level error (a refusal or a message not tied to one field). Announced by screen readers. */
export function FormError({ message, title }: { message: string | undefined; title?: string }) {
  if (!message) return null;
  return (
    <Alert color="red" title={title}>
      {message}
    </Alert>
  );
}
