import type { GlossaryEntry } from '../glossary/schema';
import { speakTerm } from './speak-term';

export interface PopoverActions {
  onClose: () => void;
  /** Opens the term's page in the full glossary. */
  onMore: () => void;
  /** "I know this term": hide it everywhere. */
  onKnow: () => void;
}

export interface TermPopoverProps extends PopoverActions {
  entry: GlossaryEntry;
  categoryLabel: string;
  /** A voice on this device for "Hear it"; the button is left out without one. */
  voice?: SpeechSynthesisVoice | undefined;
}

/** The in-page explanation of one term. Every field is rendered as text, never as markup. */
export function TermPopover({ entry, categoryLabel, voice, onClose, onMore, onKnow }: TermPopoverProps) {
  const otherNames = [...entry.abbr, ...entry.also];
  return (
    <section class="popover" role="dialog" tabIndex={-1} dir="ltr" lang="en" aria-labelledby="medgloss-term-name" aria-describedby="medgloss-term-short">
      <header>
        <h2 id="medgloss-term-name">{entry.term}</h2>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p class="meta">
        <span class="category">{categoryLabel}</span>
        {entry.say && (
          <span class="say">
            {' · '}
            <span aria-label={`Say it: ${entry.say}`}>{entry.say}</span>
          </span>
        )}
        {voice && (
          <button type="button" class="small" onClick={() => speakTerm(entry.term, voice)}>
            Hear it
          </button>
        )}
      </p>
      <p id="medgloss-term-short" class="short">
        {entry.short}
      </p>
      {otherNames.length > 0 && <p class="also">Also called: {otherNames.join(', ')}</p>}
      <footer>
        <button type="button" class="link" onClick={onMore}>
          More about {entry.term}
        </button>
        <button type="button" class="small" onClick={onKnow}>
          I know this term
        </button>
      </footer>
    </section>
  );
}
