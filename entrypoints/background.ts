import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { settingsItem } from '../src/settings/settings-item';
import { normaliseSettings } from '../src/settings/settings';

// On install and update, rewrite stored settings in the current shape so every part of the
// extension reads valid settings from the start.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    void settingsItem.getValue().then((stored) => settingsItem.setValue(normaliseSettings(stored).settings));
  });
});
