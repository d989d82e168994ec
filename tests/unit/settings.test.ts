import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, isLevelShown, normaliseSettings, siteKey } from '../../src/settings/settings';

describe('normaliseSettings', () => {
  it('gives the defaults, without a message, when nothing is stored', () => {
    expect(normaliseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('keeps valid settings as they are', () => {
    const stored = {
      enabled: false,
      disabledSites: ['example.com'],
      underline: 'wavy',
      hiddenCategories: ['drug'],
      firstOnly: true,
      minLevel: 'specialist',
      knownTerms: ['lupus'],
      keepHistory: false,
    };
    expect(normaliseSettings(stored)).toEqual({ settings: stored, problems: [] });
  });

  it.each([
    ['a string', 'corrupt'],
    ['a number', 42],
    ['an array', [1, 2]],
  ])('resets %s to the defaults with a message', (_what, stored) => {
    const { settings, problems } = normaliseSettings(stored);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
  });

  it('resets only the fields that are wrong, and says which', () => {
    const { settings, problems } = normaliseSettings({ enabled: 'yes', underline: 'blink', firstOnly: true });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, firstOnly: true });
    expect(problems).toEqual(['The setting "enabled" could not be read and was reset.', 'The setting "underline" could not be read and was reset.']);
  });

  it('drops entries of the site list that are not hosts, and normalises the rest', () => {
    const { settings } = normaliseSettings({ disabledSites: ['WWW.Example.COM.', 7, null, '', 'x'.repeat(300), 'example.com'] });
    expect(settings.disabledSites).toEqual(['example.com']);
  });

  it('reads settings written before familiarity levels existed, with the default level', () => {
    const firstVersion = { enabled: true, disabledSites: ['nhs.uk'], underline: 'dotted', hiddenCategories: [], firstOnly: false };
    expect(normaliseSettings(firstVersion)).toEqual({ settings: { ...firstVersion, minLevel: 'some', knownTerms: [], keepHistory: true }, problems: [] });
  });

  it('ignores inherited and prototype keys', () => {
    const stored = JSON.parse('{"__proto__": {"enabled": false}, "firstOnly": true}');
    expect(normaliseSettings(stored).settings).toEqual({ ...DEFAULT_SETTINGS, firstOnly: true });
  });
});

describe('isLevelShown', () => {
  it.each([
    ['everyday', 'some', false],
    ['some', 'some', true],
    ['specialist', 'some', true],
    ['some', 'specialist', false],
    ['everyday', 'everyday', true],
  ] as const)('shows a %s term with minimum level %s: %s', (level, minLevel, shown) => {
    expect(isLevelShown(level, minLevel)).toBe(shown);
  });
});

describe('siteKey and isActiveOn', () => {
  it.each([
    ['www.nhs.uk', 'nhs.uk'],
    ['MedlinePlus.gov', 'medlineplus.gov'],
    ['example.com.', 'example.com'],
  ])('writes %s as %s', (host, key) => {
    expect(siteKey(host)).toBe(key);
  });

  it('is off on a site the reader switched off, and everywhere when the global switch is off', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['nhs.uk'] };
    expect(isActiveOn(settings, 'www.nhs.uk')).toBe(false);
    expect(isActiveOn(settings, 'medlineplus.gov')).toBe(true);
    expect(isActiveOn({ ...settings, enabled: false }, 'medlineplus.gov')).toBe(false);
  });
});
