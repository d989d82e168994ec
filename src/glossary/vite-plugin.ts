import type { Plugin } from 'vite';
import { compileGlossary, pageGlossaryOf } from './compile-glossary';
import { GLOSSARY_DIR, loadValidGlossary } from './load-glossary';

/** The whole glossary, for the popup and the background. */
const FULL_ID = 'virtual:medgloss-glossary';
/** Names and categories only, for the content script that every page loads. */
const PAGE_ID = 'virtual:medgloss-page-glossary';

/**
 * Serves the validated, compiled glossary as virtual modules, so no generated file is committed
 * and a bad entry fails the build with the file and field named.
 */
export function glossaryPlugin(): Plugin {
  return {
    name: 'medgloss-glossary',
    resolveId(id) {
      return id === FULL_ID || id === PAGE_ID ? `\0${id}` : undefined;
    },
    load(id) {
      if (id !== `\0${FULL_ID}` && id !== `\0${PAGE_ID}`) return undefined;
      this.addWatchFile(GLOSSARY_DIR);
      const shipped = compileGlossary(loadValidGlossary());
      const data = id === `\0${FULL_ID}` ? shipped : pageGlossaryOf(shipped);
      // JSON.parse of a string literal is faster to start than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
  };
}
