import glossary from 'virtual:medgloss-glossary';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { parseEntryRequest } from '../src/messages';
import { normaliseSettings } from '../src/settings/settings';
import { settingsItem } from '../src/settings/settings-item';

export default defineBackground(() => {
  // On install and update, rewrite stored settings in the current shape so every part of the
  // extension reads valid settings from the start.
  browser.runtime.onInstalled.addListener(() => {
    void settingsItem.getValue().then((stored) => settingsItem.setValue(normaliseSettings(stored).settings));
  });

  // Definitions live here so the content script that every page loads stays small.
  const entries = new Map(glossary.entries.map((entry) => [entry.id, entry]));
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = parseEntryRequest(message, sender.id, browser.runtime.id);
    return request ? Promise.resolve(entries.get(request.id) ?? null) : undefined;
  });
});
