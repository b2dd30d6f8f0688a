/**
 * Shared types of the detection pipeline. `detectors/` depends on nothing else of ours; every other
 * folder (policies/, cli/, bench/, entrypoints/) imports these.
 */
import type { PlaceIndex } from './places';
import type { Token } from './tokens';
import type { Regions } from './util';

/** Safe Harbor identifier categories (45 CFR 164.514(b)(2)) that can appear in typed text, plus payment cards. */
export const CATEGORIES = [
  'NAME',
  'LOCATION',
  'DATE',
  'AGE',
  'PHONE',
  'FAX',
  'EMAIL',
  'SSN',
  'MRN',
  'HEALTH_PLAN',
  'ACCOUNT',
  'LICENSE',
  'VEHICLE',
  'DEVICE',
  'URL',
  'IP_ADDRESS',
  'OTHER_ID',
  'PAYMENT_CARD',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** One span of PHI found in the text. Offsets are UTF-16 code units, `end` exclusive. */
export interface Finding {
  start: number;
  end: number;
  category: Category;
  /** id of the detector that produced it (its file name, e.g. `us-ssn`). */
  detector: string;
  /** 0..1, after context boosts and validation. */
  confidence: number;
  /** Short human reason, never containing the matched value. */
  reason: string;
  /**
   * true for a coarse quasi-identifier: a city or town, a month and year. Alone in a text (no other name,
   * date, place or identifier) it does not single out a person, and decide() lets it pass (policies/decide.ts).
   * A finding merged from several candidates is coarse only when all of them are. Otherwise undefined.
   */
  coarse?: true;
  /**
   * true when the finding holds a street address with its house number, or a P.O. box: it points at one
   * household, and with any health cue decide() counts it even alone. A merged finding has it when any of
   * its candidates had it. Otherwise undefined.
   */
  household?: true;
}

export interface ScanOptions {
  /** Findings below this confidence are dropped. Default 0.5. */
  threshold?: number;
  /** Per-category enablement; a category set to false is not reported. */
  categories?: Partial<Record<Category, boolean>>;
  /** Per-category confidence thresholds, overriding `threshold`. */
  thresholds?: Partial<Record<Category, number>>;
}

/** What a detector proposes before the engine merges and thresholds. */
export interface Candidate {
  start: number;
  end: number;
  category: Category;
  confidence: number;
  reason: string;
  /** Set when a checksum or format rule proved the value well-formed. */
  validated?: boolean;
  /** A coarse quasi-identifier (a city, a month and year): see Finding.coarse. */
  coarse?: true;
  /** A street address with its house number, or a P.O. box: see Finding.household. */
  household?: true;
}

/** Text plus precomputed helpers shared by all detectors in one scan. */
export interface ScanInput {
  text: string;
  /** Lower-cased copy of `text` (same length, same offsets). */
  lower: string;
  /** Per-scan results shared by detectors, filled on first use. */
  cache?: ScanCache;
}

/** What one scan computes once and shares between detectors (each field filled by its own function). */
export interface ScanCache {
  /** tokens.ts tokensOf. */
  tokens?: Token[];
  /** places.ts placeIndex. */
  places?: PlaceIndex;
  /** labelled.ts labelStarts: the label starts, for `n` registered labels. */
  labelStarts?: { n: number; starts: readonly number[] };
  /** util.ts digitRegions and nearDigitRegions. */
  digits?: Regions;
  nearDigits?: Regions;
  /** The digit runs (start, end pairs) and the bit set of their lengths: tokensOf, read by util.ts digitRuns and hasDigitRun. */
  digitRuns?: number[];
  digitRunLengths?: number;
  /** anchors.ts colonsOf. */
  ruleColons?: number[];
  /**
   * Where date's RELATIVE can start ("last ", "next ", "this past "), recorded by tokensOf (rules/date.ts);
   * undefined when the tokens were made without a lower-cased copy of the text's length.
   */
  relativeStarts?: number[];
  /**
   * tokensOf: every token's key is the lower-cased text's characters from its start to its word's end
   * (`lower.slice(t.start, wordEnd(t))`), so helpers may read a key's characters there (see tokens.ts keyLength).
   */
  keysInLower?: boolean;
}

/**
 * A new ScanCache with every field present. Design note: a cache made as `{}` and filled field by field
 * takes its hidden class from the realm's shared empty-object map, whose transitions every other script in
 * the realm adds to. A library that has added thousands of different keys to `{}` objects (compromise's
 * lexicon does, in the benchmark's process) leaves V8 no room for more transitions, and each object filled
 * after that got a hidden class of its own (a map with no back pointer): every read of the cache met a new
 * class, and our short-text throughput halved. A literal that names every field gets its own hidden class,
 * whatever else runs beside us.
 */
export function newScanCache(): ScanCache {
  // Every field required here, so a field added to ScanCache and not named below is a type error.
  const cache: Record<keyof ScanCache, undefined> = {
    tokens: undefined,
    places: undefined,
    labelStarts: undefined,
    digits: undefined,
    nearDigits: undefined,
    digitRuns: undefined,
    digitRunLengths: undefined,
    ruleColons: undefined,
    relativeStarts: undefined,
    keysInLower: undefined,
  };
  return cache;
}

export interface Detector {
  /** Equal to the file name, kebab-case. */
  id: string;
  /** Main category it reports (a detector may report a related one, e.g. phone -> FAX). */
  category: Category;
  /** One-line description of the format. */
  description: string;
  /** Specification and authoritative source of the format. */
  source: string;
  /** Words that raise confidence when found shortly before a candidate. */
  contextWords?: readonly string[];
  /** Produce candidates. Must run in time linear in the text length. */
  detect(input: ScanInput): Candidate[];
}
