import type { Plugin } from 'vite';
import { shipMatcher } from '../matching/compile-matcher';
import { compileGlossary } from './compile-glossary';
import { GLOSSARY_DIR, loadValidGlossary } from './load-glossary';
import { shipPageGlossary } from './page-glossary';

/** The entries and categories, for the popup, the extension's pages and the background (definitions). */
const FULL_ID = 'virtual:medgloss-glossary';
/** Ids, categories and levels only, packed, for the content script that every page loads. */
const PAGE_ID = 'virtual:medgloss-page-glossary';
/** The names, ready for the matcher, for the background that matches pages' text. */
const MATCHER_ID = 'virtual:medgloss-matcher';
const IDS = [FULL_ID, PAGE_ID, MATCHER_ID];

/**
 * Serves the validated, compiled glossary as virtual modules, so no generated file is committed
 * and a bad entry fails the build with the file and field named.
 */
export function glossaryPlugin(): Plugin {
  return {
    name: 'medgloss-glossary',
    resolveId(id) {
      return IDS.includes(id) ? `\0${id}` : undefined;
    },
    load(id) {
      const virtual = IDS.find((known) => id === `\0${known}`);
      if (!virtual) return undefined;
      this.addWatchFile(GLOSSARY_DIR);
      const { forms, ...withoutForms } = compileGlossary(loadValidGlossary());
      const data =
        virtual === FULL_ID ? withoutForms : virtual === PAGE_ID ? shipPageGlossary(withoutForms.entries, withoutForms.categories) : shipMatcher(forms);
      // JSON.parse of a string literal is faster to start than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
  };
}
