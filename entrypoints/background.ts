import glossary from 'virtual:medgloss-glossary';
import shippedMatcher from 'virtual:medgloss-matcher';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { loadMatcher } from '../src/matching/compile-matcher';
import { MATCH_PORT, serveMatching } from '../src/matching/match-port';
import { parseBackgroundRequest } from '../src/messages';
import { recordLookUp } from '../src/settings/history-item';
import { normaliseSettings } from '../src/settings/settings';
import { settingsItem } from '../src/settings/settings-item';

export default defineBackground(() => {
  // On install and update, rewrite stored settings in the current shape so every part of the
  // extension reads valid settings from the start.
  browser.runtime.onInstalled.addListener(() => {
    void settingsItem.getValue().then((stored) => settingsItem.setValue(normaliseSettings(stored).settings));
  });

  // The keyboard path to every definition: the shortcuts (rebindable in the browser's extension
  // shortcut settings) step through the terms of the active tab.
  browser.commands.onCommand.addListener(async (command) => {
    const direction = command === 'next-term' ? 1 : command === 'previous-term' ? -1 : undefined;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (direction && tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'medgloss:step-term', direction }).catch(() => undefined);
  });

  // Pages' text is matched here, off the pages' main threads, by code that stays warm from one
  // page to the next. Each content script opens a port of its own (see connectMatching).
  const glossaryMatcher = loadMatcher(shippedMatcher);
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === MATCH_PORT && port.sender?.id === browser.runtime.id) serveMatching(port, glossaryMatcher);
  });

  // Definitions live here so the content script that every page loads stays small. A definition
  // asked for is a term looked up: it goes into the history, if the reader keeps one.
  const entries = new Map(glossary.entries.map((entry) => [entry.id, entry]));
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = parseBackgroundRequest(message, sender.id, browser.runtime.id);
    if (!request || !entries.has(request.id)) return undefined;
    if (request.type === 'medgloss:open-glossary') {
      return browser.tabs.create({ url: browser.runtime.getURL(`/glossary.html#${request.id}`) }).then(() => null);
    }
    return recordLookUp(request.id).then(() => entries.get(request.id));
  });
});
