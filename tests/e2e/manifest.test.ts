import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUTPUT = resolve(import.meta.dirname, '../../.output');
const manifestOf = (target: string) => JSON.parse(readFileSync(resolve(OUTPUT, target, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe('the built manifests', () => {
  it.each(['chrome-mv3', 'firefox-mv2'])('%s asks for storage and page access only', (target) => {
    const manifest = manifestOf(target);
    expect(manifest.permissions).toEqual(['storage']);
    for (const key of ['host_permissions', 'optional_permissions', 'web_accessible_resources', 'externally_connectable']) {
      expect(manifest[key]).toBeUndefined();
    }
    expect(manifest.content_scripts).toEqual([expect.objectContaining({ matches: ['http://*/*', 'https://*/*'] })]);
  });

  it.each(['chrome-mv3', 'firefox-mv2'])('%s offers rebindable shortcuts to step through terms', (target) => {
    expect(Object.keys(manifestOf(target).commands as object).sort()).toEqual(['next-term', 'previous-term']);
  });

  it('gives Firefox a fixed id, a minimum version and declares no data collection', () => {
    expect(manifestOf('firefox-mv2').browser_specific_settings).toEqual({
      gecko: { id: 'medgloss@medgloss.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  it.each(['chrome-mv3', 'firefox-mv2'])('%s ships no network API in any script', (target) => {
    const scripts = readdirSync(resolve(OUTPUT, target), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const script of scripts) {
      const code = readFileSync(resolve(OUTPUT, target, script), 'utf8');
      const used = ['fetch(', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts('].filter((api) => code.includes(api));
      expect({ script, used }).toEqual({ script, used: [] });
    }
  });
});
