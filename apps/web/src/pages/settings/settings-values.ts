import type { KeyPolicy } from './key-policy-input';
import { settingSections, type SettingField } from './settings-fields';

export interface AliasRow {
  from: string;
  to: string;
}

/** What the form holds: the config, with aliases as rows and nullable text as ''. */
export type SettingsFormValues = Record<string, unknown>;

const fields: SettingField[] = settingSections.flatMap((section) => [...section.fields]);

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}

/** Server config → form values (only the keys the page edits). */
export function toFormValues(config: Record<string, unknown>): SettingsFormValues {
  const values: SettingsFormValues = {};
  for (const field of fields) {
    const value = config[field.key];
    switch (field.kind) {
      case 'aliases':
        values[field.key] = isStringRecord(value)
          ? Object.entries(value).map(([from, to]): AliasRow => ({ from, to }))
          : [];
        break;
      case 'text':
        values[field.key] = typeof value === 'string' ? value : '';
        break;
      case 'list':
        values[field.key] = Array.isArray(value) ? value : [];
        break;
      case 'number':
      case 'boolean':
      case 'select':
      case 'keyPolicy':
        values[field.key] = value;
        break;
    }
  }
  return values;
}

function fromFormValue(field: SettingField, value: unknown): unknown {
  switch (field.kind) {
    case 'aliases': {
      const rows = Array.isArray(value) ? (value as Partial<AliasRow>[]) : [];
      return Object.fromEntries(
        rows
          .filter((row) => (row.from ?? '').trim() !== '' && (row.to ?? '').trim() !== '')
          .map((row) => [(row.from ?? '').trim(), (row.to ?? '').trim()]),
      );
    }
    case 'text': {
      const text = typeof value === 'string' ? value.trim() : '';
      return field.nullable === true && text === '' ? null : text;
    }
    case 'list':
      return Array.isArray(value) ? value.map((entry) => String(entry).trim()).filter(Boolean) : [];
    case 'number':
    case 'boolean':
    case 'select':
      return value;
    case 'keyPolicy': {
      const policy = (value ?? {}) as Partial<KeyPolicy>;
      const models = (policy.allowedModels ?? []).map((model) => model.trim()).filter(Boolean);
      return {
        maxKeys: policy.maxKeys ?? 0,
        dailyLimit: policy.dailyLimit ?? null,
        rateLimitPerMinute: policy.rateLimitPerMinute ?? null,
        allowedModels: models.length === 0 ? null : models,
      };
    }
  }
}

/** The keys whose value differs from the server's: the PUT body (the server merges it). */
export function changedSettings(
  config: Record<string, unknown>,
  values: SettingsFormValues,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field.key in values)) continue;
    const next = fromFormValue(field, values[field.key]);
    if (JSON.stringify(next) !== JSON.stringify(config[field.key] ?? null)) patch[field.key] = next;
  }
  return patch;
}
