import type { MantineColor } from '@mantine/core';
import type { RequestView } from '../../../shared/cases';

export const REQUEST_STATUS_LABELS: Record<RequestView['status'], string> = {
  pending: 'Czeka na decyzję kierownika',
  assigned: 'Przydzielono asystenta rodziny',
  referred: 'Przekazano do innego podmiotu',
  returned: 'Zwrócono pracownikowi socjalnemu',
};

export const REQUEST_STATUS_COLORS: Record<RequestView['status'], MantineColor> = {
  pending: 'orange',
  assigned: 'green',
  referred: 'violet',
  returned: 'gray',
};
