/**
 * Every legal citation printed on documents, in one table (docs/legal-citations.md gives the
 * sources and the marks: [C] confirmed, [M] one secondary source, [U] unconfirmed). When a
 * consolidated text (tekst jednolity) is republished or a provision renumbered, change it here
 * and bump the templateVersion of the documents that cite it (template-versions.ts).
 */

/** Ustawa o pomocy społecznej (t.j. Dz.U. 2023 poz. 901 [U: a later t.j. may exist]). */
export const UPS = 'ustawy z dnia 12 marca 2004 r. o pomocy społecznej (Dz.U. z 2023 r. poz. 901, z późn. zm.)';
export const UPS_SHORT = 'ustawy o pomocy społecznej';

/** Ustawa o wspieraniu rodziny i systemie pieczy zastępczej (t.j. Dz.U. 2025 poz. 49 [C]). */
export const UWR =
  'ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej (Dz.U. z 2025 r. poz. 49, z późn. zm.)';
export const UWR_SHORT = 'ustawy o wspieraniu rodziny i systemie pieczy zastępczej';

/** The social contract template (in force [C]). */
export const KONTRAKT_ROZPORZADZENIE =
  'rozporządzenia Ministra Pracy i Polityki Społecznej z dnia 8 listopada 2010 r. w sprawie wzoru kontraktu socjalnego (Dz.U. z 2010 r. nr 218, poz. 1439)';

/**
 * The act on the labour market that replaced the 2004 act on employment promotion (from 1 June 2025)
 * [M]: variant B of the kontrakt names the client's registration at the powiatowy urząd pracy and
 * the reasons for unemployment; the 2010 template's references to the 2004 act are read as
 * references to this act [U].
 */
export const RYNEK_PRACY = 'ustawy z dnia 20 marca 2025 r. o rynku pracy i służbach zatrudnienia (Dz.U. z 2025 r. poz. 620)';

/** The provisions cited, by what they are cited for. */
export const ARTICLE = {
  /** Kontrakt socjalny: definition and conclusion. [C] */
  contract: 'art. 6 pkt 6 i art. 108',
  /** Refusing or breaching the kontrakt may limit benefits. [M] */
  contractSanction: 'art. 11 ust. 2',
  /** Reasons for social assistance. [C] */
  reasons: 'art. 7',
  /** The wniosek of the pracownik socjalny to the kierownik. [C] */
  request: 'art. 11 ust. 3',
  /** The kierownik assigns an asystent or turns to the gmina's unit / contracted provider. [U: numbering] */
  assignment: 'art. 11 ust. 4',
  /** Contracted provider of work with families. [C] */
  provider: 'art. 190',
  /** Support with the family's consent and active participation. [U: ust. 2 or 3 in the current text] */
  consent: 'art. 8 ust. 2',
  /** Plan pracy z rodziną, standard / coordinated with the plan pomocy dziecku. [C] */
  plan: 'art. 15 ust. 1 pkt 1',
  planCoordinated: 'art. 15 ust. 1 pkt 2',
  /** What the plan must contain. [C] */
  planContent: 'art. 15 ust. 3',
  /** Okresowa ocena sytuacji rodziny, at least every 6 months. [C] */
  assessment: 'art. 15 ust. 1 pkt 15',
  /** Opinia o rodzinie at the court's request. [C] */
  opinion: 'art. 15 ust. 1 pkt 17',
} as const;
