import { useEffect, useState } from 'preact/hooks';
import type { ShippedGlossary } from '../glossary/compile-glossary';
import type { PageInfo } from '../messages';
import { SafetyNote } from './safety-note';

/**
 * Every term found in one tab with its plain-language text, ready to print or save as a PDF for a
 * doctor's visit. The print stylesheet leaves out everything but the list.
 */
export function TermsPage({ glossary, getPageInfo }: { glossary: ShippedGlossary; getPageInfo: () => Promise<PageInfo | undefined> }) {
  const [page, setPage] = useState<PageInfo | undefined | 'loading'>('loading');
  useEffect(() => void getPageInfo().then(setPage), []);
  if (page === 'loading') return <main class="page" aria-busy="true" />;
  const byId = new Map(glossary.entries.map((e) => [e.id, e]));
  const entries = (page?.terms ?? [])
    .map((t) => byId.get(t.id))
    .filter((e) => e !== undefined)
    .sort((a, b) => a.term.localeCompare(b.term, 'en'));
  return (
    <main class="page terms-page">
      <h1>Terms on {page?.hostname ?? 'this page'}</h1>
      <p class="no-print">
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </p>
      {entries.length === 0 ? (
        <p>No glossary terms were found on this page.</p>
      ) : (
        <dl class="term-sheet">
          {entries.map((entry) => (
            <div key={entry.id}>
              <dt>
                {entry.term}
                {entry.say && <span class="muted"> ({entry.say})</span>}
              </dt>
              <dd>
                {entry.short}
                {entry.more && <span> {entry.more}</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <SafetyNote />
    </main>
  );
}
