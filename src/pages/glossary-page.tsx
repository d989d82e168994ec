import { useEffect, useState } from 'preact/hooks';
import type { ShippedGlossary } from '../glossary/compile-glossary';
import { GlossaryBrowser } from '../popup/glossary-browser';
import { SafetyNote } from './safety-note';

/**
 * The whole glossary on a page of its own, with room to read. Each entry has its own address
 * (glossary.html#<id>), which the popover's "More" opens.
 */
export function GlossaryPage({ glossary, location }: { glossary: ShippedGlossary; location: Location }) {
  const idFromHash = () => decodeURIComponent(location.hash.slice(1)) || undefined;
  const [openId, setOpenId] = useState<string | undefined>(idFromHash());
  useEffect(() => {
    const onHashChange = () => setOpenId(idFromHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const open = (id: string | undefined) => {
    location.hash = id ?? '';
    setOpenId(id);
  };
  return (
    <main class="page">
      <h1>MedGloss glossary</h1>
      <SafetyNote />
      <GlossaryBrowser glossary={glossary} openId={openId} onOpen={open} />
    </main>
  );
}
