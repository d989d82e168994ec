import { type Settings, siteKey } from '../settings/settings';

/** The two switches a reader needs most: this site, and everywhere. */
export function SiteSwitches({ settings, hostname, onChange }: { settings: Settings; hostname: string | undefined; onChange: (next: Settings) => void }) {
  const site = hostname ? siteKey(hostname) : '';
  const siteOn = site !== '' && !settings.disabledSites.includes(site);
  return (
    <div class="switches">
      {site ? (
        <label class="switch">
          <input
            type="checkbox"
            checked={siteOn}
            disabled={!settings.enabled}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              const others = settings.disabledSites.filter((s) => s !== site);
              onChange({ ...settings, disabledSites: on ? others : [...others, site] });
            }}
          />
          <span>
            Highlight on <strong>{site}</strong>
          </span>
        </label>
      ) : (
        <p class="muted">MedGloss does not run on this page.</p>
      )}
      <label class="switch">
        <input type="checkbox" checked={settings.enabled} onChange={(e) => onChange({ ...settings, enabled: e.currentTarget.checked })} />
        <span>Highlight on all sites</span>
      </label>
    </div>
  );
}
