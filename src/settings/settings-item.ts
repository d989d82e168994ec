import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type NormalisedSettings, type Settings, normaliseSettings } from './settings';

/**
 * Where the settings live: `storage.local`, never `storage.sync`, because nothing the reader
 * does may leave the machine. The version lets future shapes migrate the ones written before.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads the settings, normalising anything stored that is not valid. Never throws. */
export async function readSettings(): Promise<NormalisedSettings> {
  try {
    return normaliseSettings(await settingsItem.getValue());
  } catch {
    return { ...normaliseSettings(undefined), problems: ['Your MedGloss settings could not be read and were reset to the defaults.'] };
  }
}

export async function writeSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settings);
}

/** Calls back with normalised settings whenever they change in any part of the extension. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(normaliseSettings(value).settings));
}
