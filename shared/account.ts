/**
 * A user's own preferences (issue 15): the size of the text on every screen, kept per user in
 * the office's database, so that it follows her to any session on this PC.
 */
import { z } from 'zod';

export const TEXT_SCALES = [100, 115, 130] as const;
export type TextScale = (typeof TEXT_SCALES)[number];

export const TEXT_SCALE_LABELS: Record<TextScale, string> = { 100: 'Zwykły (100 %)', 115: 'Większy (115 %)', 130: 'Duży (130 %)' };

export const textScaleSchema = z.union(
  TEXT_SCALES.map((scale) => z.literal(scale)),
  { error: 'Wielkość tekstu: wybierz 100, 115 albo 130 %.' },
);

export interface AccountPreferences {
  textScale: TextScale;
}

export const DEFAULT_PREFERENCES: AccountPreferences = { textScale: 100 };
