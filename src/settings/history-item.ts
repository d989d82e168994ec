import { storage } from 'wxt/utils/storage';
import { readSettings } from './settings-item';

/** A term the reader looked up, and when. */
export interface LookUp {
  id: string;
  at: number;
}

/** How many recent look-ups are kept: enough to find last week's word again. */
export const HISTORY_LENGTH = 30;

/** Recently looked-up terms, kept in `storage.local` on this device only, never synced. */
export const historyItem = storage.defineItem<LookUp[]>('local:history', { fallback: [], version: 1 });

/** The history with one more look-up: newest first, each term once, at most HISTORY_LENGTH. */
export function withLookUp(history: unknown, id: string, at: number): LookUp[] {
  const valid = Array.isArray(history) ? history.filter((h): h is LookUp => typeof h?.id === 'string' && typeof h?.at === 'number') : [];
  return [{ id, at }, ...valid.filter((h) => h.id !== id)].slice(0, HISTORY_LENGTH);
}

/** Records a look-up, unless the reader turned the history off. */
export async function recordLookUp(id: string): Promise<void> {
  if ((await readSettings()).settings.keepHistory) await historyItem.setValue(withLookUp(await historyItem.getValue(), id, Date.now()));
}
