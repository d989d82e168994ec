import type { ShippedGlossary } from '../glossary/compile-glossary';
import { type Level, type Settings, UNDERLINE_STYLES, type UnderlineStyle } from '../settings/settings';

const LEVEL_LABELS: Record<Level, string> = {
  everyday: 'All terms, even everyday ones (flu, X-ray)',
  some: 'Terms some readers may not know (default)',
  specialist: 'Only specialist terms',
};

const STYLE_LABELS: Record<UnderlineStyle, string> = { dotted: 'Dotted underline', solid: 'Solid underline', wavy: 'Wavy underline', tint: 'Light background' };

/** Display settings: how terms are marked, which ones, and what is remembered. */
export function SettingsForm({ settings, glossary, onChange }: { settings: Settings; glossary: ShippedGlossary; onChange: (next: Settings) => void }) {
  const termOf = new Map(glossary.entries.map((e) => [e.id, e.term]));
  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()}>
      <label>
        Mark terms with{' '}
        <select value={settings.underline} onChange={(e) => onChange({ ...settings, underline: e.currentTarget.value as UnderlineStyle })}>
          {UNDERLINE_STYLES.map((style) => (
            <option key={style} value={style}>
              {STYLE_LABELS[style]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Underline{' '}
        <select value={settings.minLevel} onChange={(e) => onChange({ ...settings, minLevel: e.currentTarget.value as Level })}>
          {(Object.keys(LEVEL_LABELS) as Level[]).map((level) => (
            <option key={level} value={level}>
              {LEVEL_LABELS[level]}
            </option>
          ))}
        </select>
      </label>
      <label class="switch">
        <input type="checkbox" checked={settings.firstOnly} onChange={(e) => onChange({ ...settings, firstOnly: e.currentTarget.checked })} />
        <span>Only the first time a term appears on a page</span>
      </label>
      <label class="switch">
        <input type="checkbox" checked={settings.keepHistory} onChange={(e) => onChange({ ...settings, keepHistory: e.currentTarget.checked })} />
        <span>Remember the terms I look up (on this device only)</span>
      </label>
      <fieldset>
        <legend>Terms you know (not underlined)</legend>
        {settings.knownTerms.length === 0 ? (
          <p class="muted">None yet. Choose "I know this term" in a popover to hide a term everywhere.</p>
        ) : (
          <ul class="term-list" aria-label="Terms you know">
            {settings.knownTerms.map((id) => (
              <li key={id}>
                <span class="grow">{termOf.get(id) ?? id}</span>
                <button
                  type="button"
                  class="small"
                  aria-label={`Underline ${termOf.get(id) ?? id} again`}
                  onClick={() => onChange({ ...settings, knownTerms: settings.knownTerms.filter((k) => k !== id) })}
                >
                  Underline again
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <fieldset>
        <legend>Underline these kinds of terms</legend>
        {Object.entries(glossary.categories).map(([key, label]) => (
          <label key={key} class="switch">
            <input
              type="checkbox"
              checked={!settings.hiddenCategories.includes(key)}
              onChange={(e) => {
                const others = settings.hiddenCategories.filter((c) => c !== key);
                onChange({ ...settings, hiddenCategories: e.currentTarget.checked ? others : [...others, key] });
              }}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
    </form>
  );
}
