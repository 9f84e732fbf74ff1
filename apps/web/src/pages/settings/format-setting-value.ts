import type { TFunction } from 'i18next';

/** A config value as a short text ("on", "none", "a, b", "claude-opus-* → claude-opus-4.5"). */
export function formatSettingValue(value: unknown, t: TFunction): string {
  if (value === null || value === undefined) return t('settings.none');
  if (typeof value === 'boolean') return value ? t('settings.on') : t('settings.off');
  if (Array.isArray(value)) return value.length === 0 ? t('settings.none') : value.join(', ');
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0
      ? t('settings.none')
      : entries.map(([from, to]) => `${from} → ${String(to)}`).join(', ');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
