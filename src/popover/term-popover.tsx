import type { GlossaryEntry } from '../glossary/schema';

export interface TermPopoverProps {
  entry: GlossaryEntry;
  categoryLabel: string;
  onClose: () => void;
}

/** The in-page explanation of one term. Every field is rendered as text, never as markup. */
export function TermPopover({ entry, categoryLabel, onClose }: TermPopoverProps) {
  const otherNames = [...entry.abbr, ...entry.also];
  const reference = entry.sources[0];
  return (
    <section class="popover" role="dialog" tabIndex={-1} aria-labelledby="medgloss-term-name" aria-describedby="medgloss-term-short">
      <header>
        <h2 id="medgloss-term-name">{entry.term}</h2>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p class="meta">
        <span class="category">{categoryLabel}</span>
        {entry.say && <span class="say"> · {entry.say}</span>}
      </p>
      <p id="medgloss-term-short" class="short">
        {entry.short}
      </p>
      {otherNames.length > 0 && <p class="also">Also called: {otherNames.join(', ')}</p>}
      {reference && (
        <a class="more" href={reference} target="_blank" rel="noopener noreferrer">
          More about {entry.term}
        </a>
      )}
    </section>
  );
}
