import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { UNEXPECTED_ERROR } from '../lib/errors';

interface Props {
  children: ReactNode;
  /** Changing it clears a shown error (e.g. the current screen). */
  resetKey?: string;
}

interface State {
  error: Error | null;
  resetKey: string | undefined;
}

/** A screen that fails to render shows a Polish message instead of a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Render error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" title="Nie udało się wyświetlić tego ekranu">
        <Stack gap="sm" align="flex-start">
          <Text>{UNEXPECTED_ERROR}</Text>
          <Button variant="light" color="red" onClick={() => this.setState({ error: null })}>
            Spróbuj ponownie
          </Button>
        </Stack>
      </Alert>
    );
  }
}
