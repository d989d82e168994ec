import type { ShippedGlossary } from '../glossary/compile-glossary';
import type { PageInfo } from '../messages';

interface OnThisPageProps {
  page: PageInfo | undefined | 'loading';
  glossary: ShippedGlossary;
  onShow: (id: string) => void;
  onBrowse: (id: string) => void;
  onPrint: () => void;
  onRequestAccess: () => void;
}

/** A language's English name ("French" for "fr", "Spanish (Mexico)" for "es-MX"), or its code if the browser does not know it. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The terms found in the current tab; choosing one scrolls to it and opens its popover. */
export function OnThisPage({ page, glossary, onShow, onBrowse, onPrint, onRequestAccess }: OnThisPageProps) {
  if (page === 'loading') return <p class="muted">Looking at this page…</p>;
  if (!page) {
    return (
      <div>
        <p class="muted">
          MedGloss cannot read this page. Browser pages and extension stores are always off limits; on a website, your browser may be holding back MedGloss's
          access to sites.
        </p>
        <button type="button" onClick={onRequestAccess}>
          Allow MedGloss on websites
        </button>
      </div>
    );
  }
  if (!page.active) return <p class="muted">Highlighting is off here.</p>;
  // A page marked so is left alone whole: it has no terms.
  if (page.language) {
    return (
      <p class="muted">
        This page says it is written in {languageName(page.language)}. MedGloss explains English medical words, so it leaves the page as it is.
      </p>
    );
  }
  if (page.terms.length === 0) return <p class="muted">No glossary terms on this page.</p>;
  const byId = new Map(glossary.entries.map((e) => [e.id, e]));
  const terms = page.terms.filter((t) => byId.has(t.id)).sort((a, b) => byId.get(a.id)!.term.localeCompare(byId.get(b.id)!.term, 'en'));
  return (
    <>
      <ul class="term-list" aria-label="Terms on this page">
        {terms.map(({ id, count }) => (
          <li key={id}>
            <button type="button" class="link" onClick={() => onShow(id)}>
              {byId.get(id)!.term}
            </button>
            <span class="count" aria-label={`${count} on the page`}>
              {count}
            </span>
            <button type="button" class="small" onClick={() => onBrowse(id)} aria-label={`Read about ${byId.get(id)!.term}`}>
              Read
            </button>
          </li>
        ))}
      </ul>
      <p>
        <button type="button" class="link" onClick={onPrint}>
          Open as a page to print or save
        </button>
      </p>
    </>
  );
}
