import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

import type { SettingField } from './settings-fields';

/** Client-side checks mirroring the server's schema; the server still has the last word. */
export function settingRules(field: SettingField, t: TFunction): Rule[] {
  switch (field.kind) {
    case 'number':
      return [
        { required: true, message: t('validation.required') },
        {
          validator: (_rule, value: unknown) => {
            if (typeof value !== 'number' || Number.isNaN(value)) return Promise.resolve();
            if (field.integer === true && !Number.isInteger(value)) {
              return Promise.reject(new Error(t('validation.integer')));
            }
            if (field.min !== undefined) {
              if (field.exclusiveMin === true ? value <= field.min : value < field.min) {
                return Promise.reject(
                  new Error(
                    field.exclusiveMin === true
                      ? t('validation.greaterThan', { min: String(field.min) })
                      : t('validation.atLeast', { min: String(field.min) }),
                  ),
                );
              }
            }
            if (field.max !== undefined && value > field.max) {
              return Promise.reject(new Error(t('validation.atMost', { max: String(field.max) })));
            }
            return Promise.resolve();
          },
        },
      ];
    case 'text':
      return field.nullable === true
        ? []
        : [{ required: true, whitespace: true, message: t('validation.required') }];
    case 'list':
      return field.key === 'trustedOrigins'
        ? [
            {
              validator: (_rule, value: unknown) => {
                const entries: unknown[] = Array.isArray(value) ? (value as unknown[]) : [];
                const bad = entries.find((entry) => {
                  try {
                    new URL(String(entry));
                    return false;
                  } catch {
                    return true;
                  }
                });
                return bad === undefined
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(
                        t('validation.url', {
                          value: typeof bad === 'string' ? bad : JSON.stringify(bad),
                        }),
                      ),
                    );
              },
            },
          ]
        : [];
    case 'boolean':
    case 'select':
    case 'aliases':
    case 'keyPolicy':
      return [];
  }
}
