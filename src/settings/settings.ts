/** How underlines look; each has its own `::highlight()` rule in entrypoints/content/style.css. */
export const UNDERLINE_STYLES = ['dotted', 'solid', 'wavy', 'tint'] as const;
export type UnderlineStyle = (typeof UNDERLINE_STYLES)[number];

/** Familiarity levels, from the words nearly every adult knows to those few lay readers know. */
export const LEVELS = ['everyday', 'some', 'specialist'] as const;
export type Level = (typeof LEVELS)[number];

/** Whether a term of a level is underlined when the reader asks for terms from `minLevel` up. */
export function isLevelShown(level: Level, minLevel: Level): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(minLevel);
}

/** The reader's choices, as the extension uses them. */
export interface Settings {
  /** The global switch. */
  enabled: boolean;
  /** Hosts where the reader turned highlighting off, normalised by `siteKey`. */
  disabledSites: string[];
  underline: UnderlineStyle;
  /** Categories the reader chose not to underline. */
  hiddenCategories: string[];
  /** Underline only the first mention of each term on a page. */
  firstOnly: boolean;
  /** Underline terms of this familiarity level and above; the default leaves out everyday words. */
  minLevel: Level;
  /** Entries the reader marked "I know this term": never underlined. */
  knownTerms: string[];
  /** Keep a list of recently looked-up terms on this device. */
  keepHistory: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
  underline: 'dotted',
  hiddenCategories: [],
  firstOnly: false,
  minLevel: 'some',
  knownTerms: [],
  keepHistory: true,
});

/** Upper bounds that keep a corrupt or hostile stored value from costing memory or time. */
const MAX_SITES = 20_000;
const MAX_CATEGORIES = 50;
const MAX_KNOWN_TERMS = 5_000;

/**
 * The one way hosts are written in settings: lower case, no trailing dot, no "www." (a reader who
 * turns off www.example.com means example.com too). Anything that is not a web host gives "".
 */
export function siteKey(hostname: string): string {
  // Repeated until nothing changes, so that the key of a key is itself (www.www.example.com.).
  let key = hostname.toLowerCase();
  for (let previous = ''; key !== previous;) {
    previous = key;
    key = key
      .trim()
      .replace(/\.+$/, '')
      .replace(/^www\./, '');
  }
  return key;
}

export interface NormalisedSettings {
  settings: Settings;
  /** What was wrong with the stored value, for the message the popup shows; empty if nothing. */
  problems: string[];
}

/**
 * Turns whatever is in storage into valid settings, keeping every field that is valid and
 * resetting the rest to its default. Never throws, whatever it is given.
 */
export function normaliseSettings(stored: unknown): NormalisedSettings {
  const problems: string[] = [];
  if (stored === null || stored === undefined) return { settings: freshDefaults(), problems };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return {
      settings: freshDefaults(),
      problems: ['Your MedGloss settings could not be read and were reset to the defaults.'],
    };
  }
  const raw = stored as Record<string, unknown>;
  const pick = <T>(key: keyof Settings, valid: (value: unknown) => value is T, fallback: T): T => {
    const value = Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined;
    if (value === undefined) return fallback;
    if (valid(value)) return value;
    problems.push(`The setting "${key}" could not be read and was reset.`);
    return fallback;
  };
  return {
    settings: {
      enabled: pick('enabled', isBoolean, DEFAULT_SETTINGS.enabled),
      underline: pick('underline', isUnderlineStyle, DEFAULT_SETTINGS.underline),
      firstOnly: pick('firstOnly', isBoolean, DEFAULT_SETTINGS.firstOnly),
      minLevel: pick('minLevel', isLevel, DEFAULT_SETTINGS.minLevel),
      knownTerms: normaliseList(pick('knownTerms', Array.isArray, []), MAX_KNOWN_TERMS, (s) => s),
      keepHistory: pick('keepHistory', isBoolean, DEFAULT_SETTINGS.keepHistory),
      disabledSites: normaliseList(pick('disabledSites', Array.isArray, []), MAX_SITES, siteKey),
      hiddenCategories: normaliseList(pick('hiddenCategories', Array.isArray, []), MAX_CATEGORIES, (s) => s),
    },
    problems,
  };
}

function normaliseList(values: unknown[], max: number, normalise: (value: string) => string): string[] {
  const kept = new Set<string>();
  for (const value of values) {
    if (kept.size >= max) break;
    if (typeof value !== 'string' || value.length > 253) continue;
    const normalised = normalise(value);
    // Checked again after normalising: lower-casing can lengthen text ("İ" becomes two units).
    if (normalised && normalised.length <= 253) kept.add(normalised);
  }
  return [...kept];
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

function isUnderlineStyle(value: unknown): value is UnderlineStyle {
  return typeof value === 'string' && (UNDERLINE_STYLES as readonly string[]).includes(value);
}

/** Whether terms are underlined on a host with these settings. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(siteKey(hostname));
}

function freshDefaults(): Settings {
  return { ...DEFAULT_SETTINGS, disabledSites: [], hiddenCategories: [], knownTerms: [] };
}
