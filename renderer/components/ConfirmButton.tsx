import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';

interface ConfirmText {
  /** The dialog's title, a question: "Usunąć obszar 2?". */
  title: string;
  /** What will be lost. */
  message: ReactNode;
  confirmLabel: string;
  color?: string;
}

/**
 * The one confirmation of the renderer: names what will be lost, with "Anuluj" focused, so that a
 * stray Space or Enter never confirms by itself. Used by ConfirmButton and by screens that ask
 * after their own checks (restoring a backup).
 */
export function ConfirmDialog({
  opened,
  onClose,
  onConfirm,
  title,
  message,
  confirmLabel,
  color = 'red',
}: ConfirmText & { opened: boolean; onClose: () => void; onConfirm: () => void | Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
    onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap="md">
        {typeof message === 'string' ? <Text>{message}</Text> : message}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            Anuluj
          </Button>
          <Button color={color} loading={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * A destructive action that asks first (ConfirmDialog): clearing a form, removing an area, a goal,
 * a task, a person or an income. The button itself only opens the question.
 */
export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel,
  onConfirm,
  color = 'red',
  ariaLabel,
  ...buttonProps
}: Omit<ButtonProps, 'children' | 'color'> &
  ConfirmText & {
    children: ReactNode;
    onConfirm: () => void | Promise<void>;
    ariaLabel?: string;
  }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button {...buttonProps} type="button" color={color} aria-label={ariaLabel} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {children}
      </Button>
      <ConfirmDialog opened={open} onClose={() => setOpen(false)} onConfirm={onConfirm} title={title} message={message} confirmLabel={confirmLabel} color={color} />
    </>
  );
}
