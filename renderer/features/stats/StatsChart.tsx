/**
 * A plain SVG bar chart of the report's main counts: one bar per figure, the number written
 * beside it (the table below holds every figure; the chart is only an overview).
 */
import { Text } from '@mantine/core';
import type { StatsView } from '../../../shared/stats';

interface Bar {
  label: string;
  value: number;
}

export function chartBars(view: StatsView): Bar[] {
  return [
    { label: 'Rodziny z asystentem', value: view.families.withAssistant },
    { label: '— nowe w okresie', value: view.families.new },
    { label: '— kontynuujące', value: view.families.continuing },
    { label: '— zakończone', value: view.families.ended },
    { label: 'Dzieci w tych rodzinach', value: view.children },
    { label: 'Zgłoszenia przyjęte', value: view.cases.reported },
    { label: 'Sprawy prowadzone', value: view.cases.active },
    { label: 'Wywiady przeprowadzone', value: view.interviews.completed },
    { label: '— po terminie', value: view.interviews.late },
    { label: 'Kontrakty socjalne', value: view.contracts.total },
  ];
}

const ROW = 30;
const LABEL_WIDTH = 220;
const BAR_MAX = 460;
const WIDTH = LABEL_WIDTH + BAR_MAX + 60;

export function StatsChart({ view }: { view: StatsView }) {
  const bars = chartBars(view);
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * ROW + 10;
  const summary = bars.map((bar) => `${bar.label.replace(/^— /, '')}: ${bar.value}`).join(', ');
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH }} role="img" aria-label={`Wykres: ${summary}`}>
        {bars.map((bar, i) => {
          const y = 5 + i * ROW;
          const width = (bar.value / max) * BAR_MAX;
          const sub = bar.label.startsWith('—');
          return (
            <g key={bar.label}>
              <text x={LABEL_WIDTH - 10} y={y + ROW / 2 + 5} textAnchor="end" fontSize={14} fill={sub ? '#555' : '#222'}>
                {bar.label}
              </text>
              <rect x={LABEL_WIDTH} y={y + 5} width={Math.max(width, bar.value > 0 ? 2 : 0)} height={ROW - 10} rx={3} fill={sub ? 'var(--mantine-color-petrol-4, #4c9aa6)' : 'var(--mantine-color-petrol-7, #1b6470)'} />
              <text x={LABEL_WIDTH + width + 8} y={y + ROW / 2 + 5} fontSize={14} fontWeight={600} fill="#222">
                {bar.value}
              </text>
            </g>
          );
        })}
      </svg>
      <Text component="figcaption" size="sm" c="dimmed">
        Główne liczby okresu; wszystkie pozycje sprawozdania są w tabeli poniżej.
      </Text>
    </figure>
  );
}
