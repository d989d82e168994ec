import { useEffect, useState } from 'preact/hooks';
import type { ShippedGlossary } from '../glossary/compile-glossary';
import type { PageInfo } from '../messages';
import type { LookUp } from '../settings/history-item';
import type { Settings } from '../settings/settings';
import { SafetyNote } from '../pages/safety-note';
import { RecentTerms } from './recent-terms';
import { GlossaryBrowser } from './glossary-browser';
import { OnThisPage } from './on-this-page';
import { SettingsForm } from './settings-form';
import { SiteSwitches } from './site-switches';

export interface PopupServices {
  readSettings(): Promise<{ settings: Settings; problems: string[] }>;
  writeSettings(settings: Settings): Promise<void>;
  /** What the content script of the current tab found; undefined where none runs. */
  getPageInfo(): Promise<PageInfo | undefined>;
  showTerm(id: string): Promise<void>;
  readHistory(): Promise<LookUp[]>;
  clearHistory(): Promise<void>;
  /** Opens an extension page in a new tab: the printable terms of the current tab, or the glossary. */
  openPage(page: 'terms' | 'glossary'): Promise<void>;
  /** Asks the browser to give back access to web pages, if the reader withheld it. */
  requestSiteAccess(): Promise<boolean>;
}

type Tab = 'page' | 'glossary' | 'recent' | 'settings';

/** The toolbar popup: the site switches, then the page's terms, the glossary and the settings. */
export function PopupApp({ glossary, services }: { glossary: ShippedGlossary; services: PopupServices }) {
  const [settings, setSettings] = useState<Settings>();
  const [problems, setProblems] = useState<string[]>([]);
  const [page, setPage] = useState<PageInfo | undefined | 'loading'>('loading');
  const [tab, setTab] = useState<Tab>('page');
  const [openEntry, setOpenEntry] = useState<string>();

  const refreshPage = () => services.getPageInfo().then(setPage);

  useEffect(() => {
    void services.readSettings().then(({ settings: read, problems: found }) => {
      setSettings(read);
      setProblems(found);
      // Store the repaired value so the problem is reported once, not on every opening.
      if (found.length > 0) void services.writeSettings(read);
    });
    void refreshPage();
  }, []);

  if (!settings) return <main class="popup" aria-busy="true" />;

  const save = async (next: Settings) => {
    setSettings(next);
    await services.writeSettings(next);
    // The content script reacts to the storage change; ask again for what it now shows.
    setTimeout(() => void refreshPage(), 300);
  };

  const browse = (id: string) => {
    setOpenEntry(id);
    setTab('glossary');
  };

  return (
    <main class="popup">
      <h1>MedGloss</h1>
      {problems.length > 0 && (
        <p class="notice" role="status">
          {problems.join(' ')}
        </p>
      )}
      <SiteSwitches settings={settings} hostname={page === 'loading' ? undefined : page?.hostname} onChange={save} />
      <nav class="tabs" role="tablist" aria-label="Sections">
        {(
          [
            ['page', 'On this page'],
            ['glossary', 'Glossary'],
            ['recent', 'Recent'],
            ['settings', 'Settings'],
          ] as const
        ).map(([id, label]) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </nav>
      <section id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'page' && (
          <OnThisPage
            page={page}
            glossary={glossary}
            onShow={(id) => void services.showTerm(id)}
            onBrowse={browse}
            onPrint={() => void services.openPage('terms')}
            onRequestAccess={() =>
              void services.requestSiteAccess().then(async (granted) => {
                if (granted) await refreshPage();
              })
            }
          />
        )}
        {tab === 'glossary' && (
          <>
            <GlossaryBrowser glossary={glossary} openId={openEntry} onOpen={setOpenEntry} />
            <p>
              <button type="button" class="link" onClick={() => void services.openPage('glossary')}>
                Open the full glossary in a tab
              </button>
            </p>
          </>
        )}
        {tab === 'recent' && <RecentTerms glossary={glossary} settings={settings} services={services} onBrowse={browse} />}
        {tab === 'settings' && (
          <>
            <SettingsForm settings={settings} glossary={glossary} onChange={save} />
            <SafetyNote />
          </>
        )}
      </section>
    </main>
  );
}
