import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { TermPopover } from '../../src/popover/term-popover';
import { entry } from '../fixtures/mini-glossary';

describe('TermPopover', () => {
  it('shows the name, category, text and other names of an entry', () => {
    const root = document.createElement('div');
    const ivig = entry({
      id: 'ivig',
      term: 'Intravenous immunoglobulin',
      abbr: ['IVIG'],
      also: ['immune globulin'],
      short: 'Antibodies from donors, given through a vein.',
    });
    render(<TermPopover entry={ivig} categoryLabel="Medicine" onClose={() => {}} onMore={() => {}} onKnow={() => {}} />, root);
    expect(root.querySelector('h2')?.textContent).toBe('Intravenous immunoglobulin');
    expect(root.querySelector('.category')?.textContent).toBe('Medicine');
    expect(root.querySelector('.short')?.textContent).toBe('Antibodies from donors, given through a vein.');
    expect(root.querySelector('.also')?.textContent).toBe('Also called: IVIG, immune globulin');
    expect(root.querySelector('[role="dialog"]')?.getAttribute('aria-labelledby')).toBe('medgloss-term-name');
  });

  it('renders text that looks like markup as text', () => {
    const root = document.createElement('div');
    const hostile = entry({ id: 'x', term: '<img src=x onerror=alert(1)>', short: '<b>bold</b> &amp; more' });
    render(<TermPopover entry={hostile} categoryLabel="Condition" onClose={() => {}} onMore={() => {}} onKnow={() => {}} />, root);
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.querySelector('.short')?.textContent).toBe('<b>bold</b> &amp; more');
  });

  it('calls back when its close button is pressed', () => {
    const root = document.createElement('div');
    let closed = false;
    render(
      <TermPopover entry={entry({ id: 'x', term: 'X' })} categoryLabel="Condition" onClose={() => (closed = true)} onMore={() => {}} onKnow={() => {}} />,
      root,
    );
    root.querySelector<HTMLButtonElement>('button.close')!.click();
    expect(closed).toBe(true);
  });
});

describe('TermPopover actions', () => {
  it('offers "More" and "I know this term", and "Hear it" only with a local voice', () => {
    const root = document.createElement('div');
    const calls: string[] = [];
    const props = {
      entry: entry({ id: 'x', term: 'Azathioprine', say: 'az-uh-THY-oh-preen' }),
      categoryLabel: 'Medicine',
      onClose: () => {},
      onMore: () => calls.push('more'),
      onKnow: () => calls.push('know'),
    };
    render(<TermPopover {...props} />, root);
    const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    expect(root.querySelector('.say')?.textContent).toContain('az-uh-THY-oh-preen');
    expect(button('Hear it')).toBeUndefined();
    button('More about Azathioprine')!.click();
    button('I know this term')!.click();
    expect(calls).toEqual(['more', 'know']);
    render(<TermPopover {...props} voice={{ localService: true, lang: 'en-US', name: 'Local', default: true, voiceURI: 'local' }} />, root);
    expect(button('Hear it')).toBeDefined();
  });
});
