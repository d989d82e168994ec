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
    render(<TermPopover entry={ivig} categoryLabel="Medicine" onClose={() => {}} />, root);
    expect(root.querySelector('h2')?.textContent).toBe('Intravenous immunoglobulin');
    expect(root.querySelector('.category')?.textContent).toBe('Medicine');
    expect(root.querySelector('.short')?.textContent).toBe('Antibodies from donors, given through a vein.');
    expect(root.querySelector('.also')?.textContent).toBe('Also called: IVIG, immune globulin');
    expect(root.querySelector('[role="dialog"]')?.getAttribute('aria-labelledby')).toBe('medgloss-term-name');
  });

  it('renders text that looks like markup as text', () => {
    const root = document.createElement('div');
    const hostile = entry({ id: 'x', term: '<img src=x onerror=alert(1)>', short: '<b>bold</b> &amp; more' });
    render(<TermPopover entry={hostile} categoryLabel="Condition" onClose={() => {}} />, root);
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.querySelector('.short')?.textContent).toBe('<b>bold</b> &amp; more');
  });

  it('calls back when its close button is pressed', () => {
    const root = document.createElement('div');
    let closed = false;
    render(<TermPopover entry={entry({ id: 'x', term: 'X' })} categoryLabel="Condition" onClose={() => (closed = true)} />, root);
    root.querySelector<HTMLButtonElement>('button.close')!.click();
    expect(closed).toBe(true);
  });
});
