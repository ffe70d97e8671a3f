/**
 * The app's look: calm, high-contrast, large enough to read on an office monitor at arm's length.
 * Polish accessible names for the few English labels Mantine ships (toggle/close buttons).
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  createTheme,
  Modal,
  NavLink,
  Notification,
  NumberInput,
  PasswordInput,
  Select,
  Switch,
  TextInput,
  type MantineColorsTuple,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';

// A muted petrol blue: calm, and white text on shade 7 keeps a contrast above 5:1.
const petrol: MantineColorsTuple = [
  '#e9f4f8',
  '#d5e7ef',
  '#a6cddf',
  '#74b1cd',
  '#4c99bd',
  '#338ab4',
  '#2381b0',
  '#126e9a',
  '#02628a',
  '#00557a',
];

export const theme = createTheme({
  colors: { petrol },
  primaryColor: 'petrol',
  primaryShade: 7,
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: { fontWeight: '600' },
  cursorType: 'pointer',
  components: {
    Button: Button.extend({ defaultProps: { size: 'md' } }),
    TextInput: TextInput.extend({ defaultProps: { size: 'md' } }),
    NumberInput: NumberInput.extend({ defaultProps: { size: 'md' } }),
    Select: Select.extend({
      defaultProps: {
        size: 'md',
        nothingFoundMessage: 'Brak wyników',
        clearButtonProps: { 'aria-label': 'Wyczyść' },
      },
    }),
    PasswordInput: PasswordInput.extend({
      defaultProps: {
        size: 'md',
        // Mantine's default label is English; this one does not collide with field labels.
        visibilityToggleButtonProps: { 'aria-label': 'Pokaż wpisane znaki' },
      },
    }),
    Checkbox: Checkbox.extend({ defaultProps: { size: 'md' } }),
    Switch: Switch.extend({ defaultProps: { size: 'md' } }),
    Modal: Modal.extend({
      defaultProps: { size: 'lg', centered: true, closeButtonProps: { 'aria-label': 'Zamknij okno' } },
      styles: { title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 600 } },
    }),
    Alert: Alert.extend({
      defaultProps: { variant: 'light' },
      styles: { message: { fontSize: 'var(--mantine-font-size-md)' }, title: { fontSize: 'var(--mantine-font-size-md)' } },
    }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Zamknij powiadomienie' } } }),
    Badge: Badge.extend({ styles: { label: { textTransform: 'none', fontWeight: 600 } } }),
    NavLink: NavLink.extend({ styles: { label: { fontSize: 'var(--mantine-font-size-md)' } } }),
    ActionIcon: ActionIcon.extend({ defaultProps: { variant: 'subtle' } }),
    DatePickerInput: DatePickerInput.extend({
      defaultProps: {
        size: 'md',
        valueFormat: 'DD.MM.YYYY',
        clearButtonProps: { 'aria-label': 'Wyczyść datę' },
        nextLabel: 'Następny miesiąc',
        previousLabel: 'Poprzedni miesiąc',
      },
    }),
  },
});
