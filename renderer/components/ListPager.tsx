/** Under a paged list (issue 17): "Sprawy 51–100 z 730" and the page buttons, named in Polish for screen readers. */
import { Group, Pagination, Text, type GroupProps } from '@mantine/core';

export function ListPager({ label, total, page, pageSize, shown, onPage, ...group }: {
  /** What is listed, in the nominative plural: "Sprawy", "Pisma". */
  label: string;
  total: number;
  page: number;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  onPage: (page: number) => void;
} & Omit<GroupProps, 'children'>) {
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  return (
    <Group justify="space-between" wrap="wrap" {...group}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {label} {first}–{first + shown - 1} z {total}
      </Text>
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={page}
          onChange={onPage}
          getControlProps={(control) => ({ 'aria-label': control === 'next' ? 'Następna strona' : control === 'previous' ? 'Poprzednia strona' : control === 'first' ? 'Pierwsza strona' : 'Ostatnia strona' })}
          getItemProps={(item) => ({ 'aria-label': `Strona ${item}` })}
          withEdges
        />
      ) : null}
    </Group>
  );
}
