import type { Plugin } from 'vite';
import { compileGlossary } from './compile-glossary';
import { GLOSSARY_DIR, loadValidGlossary } from './load-glossary';

const MODULE_ID = 'virtual:medgloss-glossary';
const RESOLVED_ID = `\0${MODULE_ID}`;

/**
 * Serves the validated, compiled glossary as `virtual:medgloss-glossary`, so no generated file is
 * committed and a bad entry fails the build with the file and field named.
 */
export function glossaryPlugin(): Plugin {
  return {
    name: 'medgloss-glossary',
    resolveId(id) {
      return id === MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(GLOSSARY_DIR);
      const shipped = compileGlossary(loadValidGlossary());
      // JSON.parse of a string literal is faster to start than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(shipped))});`;
    },
  };
}
