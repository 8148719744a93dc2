/** An editable list of hostnames (sites where Backstory is off, sites never recorded in history). */
import { useState } from 'preact/hooks';
import { siteOf } from '../../lib/settings';
import { t } from '../i18n';

/** "https://www.example.com/a" or "example.com" → "www.example.com"; null when it is not a host. */
export function hostnameOf(input: string): string | null {
  const raw = input.trim();
  if (!raw) return null;
  const host = siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  return host && /^(localhost|[a-z0-9-]+(\.[a-z0-9-]+)+|\[[0-9a-f:]+\])$/.test(host) ? host : null;
}

export interface SiteListProps {
  id: string;
  label: string;
  sites: string[];
  onChange(sites: string[]): void;
  testId?: string;
}

export function SiteList({ id, label, sites, onChange, testId }: SiteListProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const host = hostnameOf(draft);
    if (!host) {
      setError(t('siteInvalid'));
      return;
    }
    setError('');
    setDraft('');
    if (!sites.includes(host)) onChange([...sites, host].sort());
  };
  return (
    <div class="site-list" data-testid={testId}>
      {sites.length === 0 ? (
        <p class="muted">{t('siteListEmpty')}</p>
      ) : (
        <ul>
          {sites.map((s) => (
            <li key={s}>
              <span class="site-name">{s}</span>
              <button type="button" class="button small" aria-label={t('siteRemoveLabel', s)} onClick={() => onChange(sites.filter((x) => x !== s))}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="site-add" onSubmit={add}>
        <label for={id}>{label}</label>
        <div class="site-add-row">
          <input
            id={id}
            type="text"
            inputMode="url"
            placeholder="example.com"
            value={draft}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="button">
            {t('add')}
          </button>
        </div>
        {error ? (
          <p id={`${id}-error`} class="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </div>
  );
}
