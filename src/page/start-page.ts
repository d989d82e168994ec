import type { PageGlossary } from '../glossary/page-glossary';
import type { GlossaryEntry } from '../glossary/schema';
import type { MatchService } from '../matching/match-session';
import { type PageInfo, type PageRequest } from '../messages';
import { HoverController } from '../popover/hover-controller';
import { PopoverHost } from '../popover/popover-host';
import { type Settings, isActiveOn, isLevelShown } from '../settings/settings';
import { containerOf, foreignLanguageOf, isInlineElement, isInsideExcluded } from './collect-blocks';
import { type FoundTerm, PageTerms } from './page-terms';
import { PageScanner, type ScanStats } from './page-scanner';
import { termAtPoint } from './term-at-point';
import { TermHighlighter } from './term-highlighter';
import { type PageChanges, type PageWatcher, watchPageChanges } from './watch-page-changes';

/** What the content script entrypoint hands over: everything from the browser, already read. */
export interface PageContext {
  doc: Document;
  glossary: PageGlossary;
  /** Finds the glossary's names in the page's text (in the background, for the extension). */
  matching: MatchService;
  /** Fetches a definition when its popover opens; undefined if it cannot be had. */
  loadEntry: (id: string) => Promise<GlossaryEntry | undefined>;
  /** Opens the full glossary page at an entry (the popover's "More"). */
  openGlossary: (id: string) => void;
  /** Remembers that the reader knows a term ("I know this term"); settings then hide it. */
  markKnown: (id: string) => void;
  settings: Settings;
}

/** What the extension's work on a page has cost: for the benchmark and the tests. */
export interface PageStats {
  scan: ScanStats;
  /** How long finding the term under the pointer took, for the last POINT_TIMINGS pointer moves. */
  termAtPointMs: number[];
}

/** How many pointer look-ups PageStats keeps. */
const POINT_TIMINGS = 200;

/** The running extension on one page; `stop` leaves the page exactly as it found it. */
export interface MedGlossPage {
  applySettings(settings: Settings): void;
  handleRequest(request: PageRequest): PageInfo | PageStats | undefined;
  stop(): void;
}

/**
 * Wires the pieces together for one page: scan → underline → popover, with live settings. While
 * the site is switched off nothing runs and nothing of ours is on the page.
 */
export function startPage(context: PageContext): MedGlossPage {
  const { doc, settings: initial } = context;
  const hostname = doc.location?.hostname ?? '';
  let settings = initial;
  let session: ActiveSession | undefined;

  const apply = (next: Settings) => {
    const wasActive = session !== undefined;
    settings = next;
    const active = isActiveOn(settings, hostname);
    if (active && !wasActive) session = new ActiveSession(context, settings);
    else if (!active && session) {
      session.stop();
      session = undefined;
    } else session?.applySettings(settings);
  };
  apply(initial);

  return {
    applySettings: apply,
    handleRequest(request) {
      if (request.type === 'medgloss:get-page-info') {
        const terms = session?.termCounts() ?? [];
        const language = foreignLanguageOf(doc);
        return { hostname, active: session !== undefined, terms, ...(language ? { language } : {}) };
      }
      if (request.type === 'medgloss:get-stats') return session?.stats;
      if (request.type === 'medgloss:show-term') session?.showTerm(request.id);
      else session?.stepTerm(request.direction);
      return undefined;
    },
    stop() {
      session?.stop();
      session = undefined;
    },
  };
}

/** Focusing a huge element (a whole article) looks at this much of it for terms, no more. */
const MAX_FOCUS_ELEMENTS = 2_000;

/** How often the page is checked for changes no event announces (see checkPage). */
const GUARD_MS = 500;

class ActiveSession {
  private readonly terms = new PageTerms();
  private readonly scanner: PageScanner;
  private readonly highlighter: TermHighlighter;
  private readonly popover: PopoverHost;
  private hover: HoverController;
  private readonly watcher: PageWatcher;
  private inDesignMode = false;
  private readonly guard: ReturnType<typeof setInterval>;
  private readonly doc: Document;
  private readonly glossary: PageGlossary;
  private popoverRequest = 0;
  /** The last term reached with the keyboard shortcut, where the next step starts. */
  private steppedTerm: FoundTerm | undefined;
  /** Set while a popover opened by the keyboard shortcut is on its way: focus it and announce it. */
  private keyboardOpen: { position: string } | undefined;
  private returnFocus: HTMLElement | undefined;
  private stopped = false;
  private readonly termAtPointMs: number[] = [];
  /**
   * Custom elements not defined when scanned. Defining one upgrades it in place, and the shadow
   * root it may attach then is reported by no MutationObserver: the page check looks at these.
   */
  private readonly awaitingDefinition = new Set<Element>();
  /** With "first mention only": the first occurrence of each entry, recomputed after each scan. */
  private firstMentions = new Set<FoundTerm>();

  constructor(
    private readonly context: PageContext,
    private settings: Settings,
  ) {
    const doc = context.doc;
    this.doc = doc;
    this.glossary = context.glossary;
    const isShown = (term: FoundTerm) => this.isShown(term);
    this.highlighter = new TermHighlighter(doc, this.terms, isShown, settings.underline);
    this.popover = new PopoverHost(doc);
    this.scanner = new PageScanner(this.terms, context.matching, {
      onRootStarted: () => this.highlighter.endChunk(),
      onFound: (container) => {
        this.highlighter.watch(container);
        if (!this.settings.firstOnly) this.highlighter.showIfNear(container);
      },
      onRemoved: (removed) => this.highlighter.removeRanges(removed),
      onIdle: () => {
        this.highlighter.dropRetired();
        this.highlighter.endChunk();
        if (this.settings.firstOnly) {
          this.updateFirstMentions();
          this.highlighter.refresh();
        }
      },
      onShadowRoot: (shadowRoot) => this.watcher.watchShadowRoot(shadowRoot),
      onUndefinedElement: (element) => this.awaitingDefinition.add(element),
    });
    this.watcher = watchPageChanges(
      doc,
      (node) => this.popover.isOwnNode(node),
      (changes) => this.onPageChanges(changes),
    );
    this.hover = this.createHoverController();
    this.hover.start();
    this.scanDocument();
    this.guard = setInterval(() => this.checkPage(), GUARD_MS);
  }

  /** Scans the whole document, unless all of it is left alone (a page marked as written in another language). */
  private scanDocument(): void {
    const root = this.doc.body ?? this.doc.documentElement;
    if (!isInsideExcluded(root)) this.scanner.scan(root);
  }

  get stats(): PageStats {
    return { scan: this.scanner.stats, termAtPointMs: this.termAtPointMs };
  }

  /**
   * What no event announces: a page script that clears the highlight registry, or turns on
   * designMode. A look twice a second costs nothing measurable.
   */
  private checkPage(): void {
    this.highlighter.ensureRegistered();
    this.checkDefinedElements();
    if ((this.doc.designMode === 'on') !== this.inDesignMode)
      this.onPageChanges({ roots: [], changedContainers: [], removed: [], exclusionChanged: [], documentReplaced: false });
  }

  private createHoverController(): HoverController {
    const isShown = (term: FoundTerm) => this.isShown(term);
    return new HoverController(this.doc, {
      termAt: (x, y, target) => {
        const start = performance.now();
        const term = termAtPoint(this.doc, x, y, target, this.terms, isShown);
        if (this.termAtPointMs.push(performance.now() - start) > POINT_TIMINGS) this.termAtPointMs.shift();
        return term;
      },
      termsWithin: (element) => this.termsWithin(element),
      open: (term) => this.openPopover(term),
      close: () => {
        this.popoverRequest++;
        const hadFocus = this.popover.hasFocus();
        this.popover.hide();
        if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus();
        this.returnFocus = undefined;
      },
      isOnPopover: (event) => this.popover.containsEvent(event),
    });
  }

  private onPageChanges({ roots, changedContainers, removed, exclusionChanged, documentReplaced }: PageChanges): void {
    // designMode makes the whole document an editor, and turning it on changes no node.
    if (this.doc.designMode === 'on') {
      if (!this.inDesignMode) this.highlighter.removeRanges(this.terms.removeWithin(this.doc));
      this.highlighter.dropRetired();
      this.inDesignMode = true;
      return;
    }
    if (this.inDesignMode) {
      this.inDesignMode = false;
      this.scanDocument();
    }
    if (documentReplaced) {
      // document.open() dropped our listeners along with the page's.
      this.hover.stop();
      this.hover = this.createHoverController();
      this.hover.start();
    }
    // Out-of-date terms go now; their underlines go when the rescan queued below has recorded the
    // terms that replace them (see TermHighlighter.retire).
    for (const container of changedContainers) this.highlighter.retire(this.terms.removeContainer(container));
    for (const element of removed) this.highlighter.retire(this.terms.removeWithin(element));
    for (const element of exclusionChanged) {
      // An inline element made editable or hidden takes part of its block's text with it.
      const root = isInlineElement(element) ? containerOf(element) : element;
      this.highlighter.removeRanges(this.terms.removeWithin(root));
      if (root.isConnected && !isInsideExcluded(root)) this.scanner.scan(root);
    }
    for (const root of roots) this.scanner.scan(root);
    if (!this.scanner.scanning) this.highlighter.dropRetired();
  }

  applySettings(settings: Settings): void {
    this.settings = settings;
    this.highlighter.setStyle(settings.underline);
    if (settings.firstOnly) this.updateFirstMentions();
    this.highlighter.refresh();
  }

  termCounts(): { id: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const term of this.terms.unordered()) {
      if (!this.isWanted(term)) continue;
      const id = this.glossary.idOf(term.entry);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts].map(([id, count]) => ({ id, count }));
  }

  showTerm(id: string): void {
    const term = this.terms.all().find((t) => this.glossary.idOf(t.entry) === id && this.isWanted(t));
    if (!term) return;
    term.container.scrollIntoView({ block: 'center' });
    this.hover.show(term);
  }

  /**
   * The keyboard path to every definition: moves to the next or previous underlined term in
   * reading order, scrolls it into view, opens its popover with focus in it and announces it.
   * Escape (or closing) gives focus back to where it was.
   */
  stepTerm(direction: 1 | -1): void {
    const shown = this.terms.all().filter((t) => this.isShown(t));
    if (shown.length === 0) return;
    const current = this.steppedTerm ? shown.indexOf(this.steppedTerm) : -1;
    const index = current < 0 ? (direction === 1 ? 0 : shown.length - 1) : (current + direction + shown.length) % shown.length;
    const term = shown[index]!;
    this.steppedTerm = term;
    const active = this.doc.activeElement;
    if (active instanceof HTMLElement && !this.popover.isOwnNode(active)) this.returnFocus = active;
    term.container.scrollIntoView({ block: 'center' });
    this.keyboardOpen = { position: `${index + 1} of ${shown.length}` };
    this.hover.show(term);
  }

  stop(): void {
    this.stopped = true;
    this.scanner.stop();
    this.watcher.stop();
    clearInterval(this.guard);
    this.hover.stop();
    this.highlighter.stop();
    this.popover.hide();
    this.terms.clear();
  }

  /** Whether the reader wants this term underlined at all: its category, its familiarity, not known. */
  private isWanted(term: FoundTerm): boolean {
    const { glossary, settings } = this;
    return (
      !settings.hiddenCategories.includes(glossary.categoryOf(term.entry)) &&
      isLevelShown(glossary.levelOf(term.entry), settings.minLevel) &&
      !settings.knownTerms.includes(glossary.idOf(term.entry))
    );
  }

  private isShown(term: FoundTerm): boolean {
    return this.isWanted(term) && (!this.settings.firstOnly || this.firstMentions.has(term));
  }

  /** Scans the shadow roots of custom elements defined since they were scanned. */
  private checkDefinedElements(): void {
    for (const element of this.awaitingDefinition) {
      if (!element.isConnected) this.awaitingDefinition.delete(element);
      else if (element.matches(':defined')) {
        this.awaitingDefinition.delete(element);
        if (element.shadowRoot) {
          this.watcher.watchShadowRoot(element.shadowRoot);
          this.scanner.scan(element.shadowRoot);
        }
      }
    }
  }

  private updateFirstMentions(): void {
    const seen = new Set<number>();
    this.firstMentions = new Set();
    for (const term of this.terms.all()) {
      if (!this.isWanted(term) || seen.has(term.entry)) continue;
      seen.add(term.entry);
      this.firstMentions.add(term);
    }
  }

  private termsWithin(element: Element): FoundTerm[] {
    if (element === this.doc.body || element === this.doc.documentElement) return [];
    // Proportional to the focused element, not to the page: its own block's terms that lie inside
    // it (a focused link), then the blocks inside it, looked up one by one.
    const found: FoundTerm[] = [];
    const own = isInlineElement(element) ? containerOf(element) : element;
    for (const term of this.terms.termsIn(own)) if (this.isShown(term) && (own === element || term.isWithin(element))) found.push(term);
    const walker = this.doc.createTreeWalker(element, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(), seen = 0; node && seen < MAX_FOCUS_ELEMENTS; node = walker.nextNode(), seen++) {
      for (const term of this.terms.termsIn(node as Element)) if (this.isShown(term)) found.push(term);
    }
    return found;
  }

  private openPopover(term: FoundTerm): void {
    const request = ++this.popoverRequest;
    const keyboard = this.keyboardOpen;
    this.keyboardOpen = undefined;
    void this.context.loadEntry(this.glossary.idOf(term.entry)).then((entry) => {
      // The reader may have moved on while the definition was on its way.
      if (!entry || request !== this.popoverRequest || this.stopped) return;
      // No range while the page has changed the term's text: it is rescanned in a moment.
      const anchor = term.range;
      if (!anchor) return;
      const actions = {
        onClose: () => this.hover.hide(),
        onMore: () => this.context.openGlossary(entry.id),
        onKnow: () => {
          this.hover.hide();
          this.context.markKnown(entry.id);
        },
      };
      this.popover.show(entry, this.glossary.categories[entry.category] ?? entry.category, anchor, actions, { takeFocus: keyboard !== undefined });
      if (keyboard) this.popover.announce(`Term ${keyboard.position}: ${entry.term}. ${entry.short}`);
    });
  }
}
