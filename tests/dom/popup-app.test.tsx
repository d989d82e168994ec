import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageInfo } from '../../src/messages';
import { type PopupServices, PopupApp } from '../../src/popup/popup-app';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { MINI_GLOSSARY } from '../fixtures/mini-glossary';

let root: HTMLElement;

const PAGE: PageInfo = { hostname: 'www.nhs.uk', active: true, terms: [{ id: 'flare', count: 2 }] };

function fakeServices(overrides: Partial<PopupServices> = {}) {
  let stored: Settings = { ...DEFAULT_SETTINGS };
  return {
    readSettings: vi.fn(async () => ({ settings: stored, problems: [] as string[] })),
    writeSettings: vi.fn(async (next: Settings) => {
      stored = next;
    }),
    getPageInfo: vi.fn(async (): Promise<PageInfo | undefined> => PAGE),
    showTerm: vi.fn(async () => {}),
    readHistory: vi.fn(async () => [{ id: 'biopsy', at: Date.UTC(2026, 10, 20) }]),
    clearHistory: vi.fn(async () => {}),
    openPage: vi.fn(async () => {}),
    requestSiteAccess: vi.fn(async () => true),
    ...overrides,
  };
}

async function mount(services: PopupServices) {
  await act(async () => {
    render(<PopupApp glossary={MINI_GLOSSARY} services={services} />, root);
  });
  await act(async () => {});
}

function button(name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

function checkbox(label: string): HTMLInputElement {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent?.includes(label));
  if (!found) throw new Error(`no checkbox "${label}"`);
  return found.querySelector('input')!;
}

describe('PopupApp', () => {
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('lists the terms found on the page and shows one when chosen', async () => {
    const services = fakeServices();
    await mount(services);
    expect(root.querySelector('[aria-label="Terms on this page"]')?.textContent).toContain('Flare');
    await act(async () => button('Flare').click());
    expect(services.showTerm).toHaveBeenCalledWith('flare');
  });

  it('turns highlighting off for the current site, written as its normalised host', async () => {
    const services = fakeServices();
    await mount(services);
    const site = checkbox('Highlight on');
    expect(site.checked).toBe(true);
    await act(async () => {
      site.checked = false;
      site.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(services.writeSettings).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, disabledSites: ['nhs.uk'] });
  });

  it('says so when MedGloss cannot run on the page, and offers to ask for access again', async () => {
    const services = fakeServices({ getPageInfo: vi.fn(async () => undefined) });
    await mount(services);
    expect(root.textContent).toContain('MedGloss does not run on this page.');
    await act(async () => button('Allow MedGloss on websites').click());
    expect(services.requestSiteAccess).toHaveBeenCalled();
    expect(services.getPageInfo).toHaveBeenCalledTimes(2);
  });

  it('says why a page marked as written in another language has no terms', async () => {
    await mount(fakeServices({ getPageInfo: vi.fn(async () => ({ ...PAGE, terms: [], language: 'fr' })) }));
    expect(root.textContent).toContain('This page says it is written in French.');
    expect(root.textContent).not.toContain('No glossary terms on this page.');
  });

  it('shows a message and stores repaired settings when the stored ones were corrupt', async () => {
    const services = fakeServices({
      readSettings: vi.fn(async () => ({
        settings: { ...DEFAULT_SETTINGS },
        problems: ['Your MedGloss settings could not be read and were reset to the defaults.'],
      })),
    });
    await mount(services);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('were reset to the defaults');
    expect(services.writeSettings).toHaveBeenCalledWith(DEFAULT_SETTINGS);
  });

  it('searches the glossary by name, abbreviation and with typos, and opens an entry', async () => {
    await mount(fakeServices());
    await act(async () => button('Glossary').click());
    const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    const results = async (query: string) => {
      await act(async () => {
        search.value = query;
        search.dispatchEvent(new Event('input', { bubbles: true }));
      });
      return [...root.querySelectorAll('.term-list .link')].map((b) => b.textContent);
    };
    expect(await results('IVIG')).toEqual(['Intravenous immunoglobulin']);
    expect(await results('dermatomiositis')).toContain('Dermatomyositis');
    await act(async () => button('Dermatomyositis').click());
    expect(root.querySelector('article h2')?.textContent).toBe('Dermatomyositis');
  });

  it('saves a change of underline style', async () => {
    const services = fakeServices();
    await mount(services);
    await act(async () => button('Settings').click());
    const select = root.querySelector<HTMLSelectElement>('.settings select')!;
    await act(async () => {
      select.value = 'wavy';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(services.writeSettings).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, underline: 'wavy' });
  });
});
