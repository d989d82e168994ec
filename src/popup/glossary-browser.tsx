import { useMemo, useState } from 'preact/hooks';
import type { ShippedGlossary } from '../glossary/compile-glossary';
import type { GlossaryEntry } from '../glossary/schema';
import { createGlossarySearch } from './search-glossary';

/** Browse and search the whole glossary; choosing an entry shows all of it. */
export function GlossaryBrowser({
  glossary,
  openId,
  onOpen,
}: {
  glossary: ShippedGlossary;
  openId: string | undefined;
  onOpen: (id: string | undefined) => void;
}) {
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const search = useMemo(() => createGlossarySearch(glossary.entries), [glossary]);
  const byId = useMemo(() => new Map(glossary.entries.map((e) => [e.id, e])), [glossary]);
  const open = openId ? byId.get(openId) : undefined;
  if (open) return <EntryView entry={open} glossary={glossary} byId={byId} onOpen={onOpen} />;

  const results = search(query).filter((e) => !category || e.category === category);
  return (
    <div class="glossary">
      <div class="search-row">
        <input type="search" placeholder="Search terms" aria-label="Search the glossary" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <select aria-label="Category" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
          <option value="">All</option>
          {Object.entries(glossary.categories).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <p class="muted" role="status">
        {results.length} {results.length === 1 ? 'term' : 'terms'}
      </p>
      <ul class="term-list">
        {results.slice(0, 200).map((entry) => (
          <li key={entry.id}>
            <button type="button" class="link" onClick={() => onOpen(entry.id)}>
              {entry.term}
            </button>
            <span class="muted">{glossary.categories[entry.category]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function EntryView({
  entry,
  glossary,
  byId,
  onOpen,
}: {
  entry: GlossaryEntry;
  glossary: ShippedGlossary;
  byId: Map<string, GlossaryEntry>;
  onOpen: (id: string | undefined) => void;
}) {
  const otherNames = [...entry.abbr, ...entry.also];
  return (
    <article class="entry">
      <button type="button" class="small" onClick={() => onOpen(undefined)}>
        ← All terms
      </button>
      <h2>{entry.term}</h2>
      <p class="muted">
        {glossary.categories[entry.category]}
        {entry.say && ` · ${entry.say}`}
      </p>
      <p>{entry.short}</p>
      {entry.more && <p>{entry.more}</p>}
      {otherNames.length > 0 && <p class="muted">Also called: {otherNames.join(', ')}</p>}
      {entry.related.length > 0 && (
        <p>
          Related:{' '}
          {entry.related.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <button type="button" class="link" onClick={() => onOpen(id)}>
                {byId.get(id)?.term ?? id}
              </button>
            </span>
          ))}
        </p>
      )}
      <p class="sources">
        Sources:{' '}
        {entry.sources.map((url, i) => (
          <span key={url}>
            {i > 0 && ', '}
            <a href={url} target="_blank" rel="noopener noreferrer">
              {new URL(url).hostname.replace(/^www\./, '')}
            </a>
          </span>
        ))}
      </p>
    </article>
  );
}
