/** Family names of the registered fonts (kept apart from fonts.ts so that any module may import them). */

/** The body font of every document. */
export const FONT_SANS = 'DejaVu Sans';
