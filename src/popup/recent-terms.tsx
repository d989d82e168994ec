import { useEffect, useState } from 'preact/hooks';
import type { ShippedGlossary } from '../glossary/compile-glossary';
import type { LookUp } from '../settings/history-item';
import type { Settings } from '../settings/settings';
import type { PopupServices } from './popup-app';

/** Recently looked-up terms: kept on this device only, cleared in one click. */
export function RecentTerms({
  glossary,
  settings,
  services,
  onBrowse,
}: {
  glossary: ShippedGlossary;
  settings: Settings;
  services: PopupServices;
  onBrowse: (id: string) => void;
}) {
  const [history, setHistory] = useState<LookUp[]>([]);
  useEffect(() => void services.readHistory().then(setHistory), []);
  const termOf = new Map(glossary.entries.map((e) => [e.id, e.term]));
  const known = history.filter((h) => termOf.has(h.id));
  return (
    <div>
      {!settings.keepHistory && <p class="muted">Remembering looked-up terms is off (see Settings).</p>}
      {known.length === 0 ? (
        <p class="muted">No terms looked up yet.</p>
      ) : (
        <>
          <ul class="term-list" aria-label="Recently looked-up terms">
            {known.map(({ id, at }) => (
              <li key={id}>
                <button type="button" class="link" onClick={() => onBrowse(id)}>
                  {termOf.get(id)}
                </button>
                <span class="muted">{new Date(at).toLocaleDateString()}</span>
              </li>
            ))}
          </ul>
          <p>
            <button type="button" onClick={() => void services.clearHistory().then(() => setHistory([]))}>
              Clear the list
            </button>
          </p>
        </>
      )}
    </div>
  );
}
