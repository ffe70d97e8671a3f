/**
 * The acts cited on documents, in one place: when a consolidated text (tekst jednolity)
 * is republished, change it here and bump the templateVersion of the documents that cite it.
 */

/** Ustawa o pomocy społecznej (t.j. Dz.U. 2023 poz. 901). */
export const UPS = 'ustawy z dnia 12 marca 2004 r. o pomocy społecznej (Dz.U. z 2023 r. poz. 901, z późn. zm.)';
export const UPS_SHORT = 'ustawy o pomocy społecznej';

/** Ustawa o wspieraniu rodziny i systemie pieczy zastępczej (t.j. Dz.U. 2025 poz. 49). */
export const UWR =
  'ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej (Dz.U. z 2025 r. poz. 49, z późn. zm.)';
export const UWR_SHORT = 'ustawy o wspieraniu rodziny i systemie pieczy zastępczej';

/** The social contract template. */
export const KONTRAKT_ROZPORZADZENIE =
  'rozporządzenia Ministra Pracy i Polityki Społecznej z dnia 8 listopada 2010 r. w sprawie wzoru kontraktu socjalnego (Dz.U. z 2010 r. nr 218, poz. 1439)';
