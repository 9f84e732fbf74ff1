import { InputNumber, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { KeyPolicyInput, type KeyPolicy } from './key-policy-input';
import type { SettingField } from './settings-fields';

/** The control for one setting kind (aliases are rendered by their own list field). */
export function SettingInput(props: {
  field: SettingField;
  disabled: boolean;
  value?: unknown;
  onChange?: (value: unknown) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const { field } = props;
  const common = { id: props.id, disabled: props.disabled };
  switch (field.kind) {
    case 'number':
      return (
        <InputNumber
          {...common}
          value={props.value as number | null | undefined}
          onChange={(value) => props.onChange?.(value)}
          precision={field.integer === true ? 0 : undefined}
          style={{ width: 220 }}
          suffix={field.unit === undefined ? undefined : t(`settings.units.${field.unit}`)}
        />
      );
    case 'boolean':
      return (
        <Switch
          {...common}
          checked={props.value === true}
          onChange={(checked) => props.onChange?.(checked)}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          value={props.value as string | undefined}
          onChange={(value: string) => props.onChange?.(value)}
          style={{ width: 320 }}
          options={field.options.map((option) => ({
            value: option,
            label: optionLabel(field.key, option, t),
          }))}
          optionRender={(option) =>
            field.key === 'providerStrategy' ? (
              <div style={{ whiteSpace: 'normal' }}>
                <div>{option.label}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`settings.strategies.${option.value as StrategyKey}.description`)}
                </Typography.Text>
              </div>
            ) : (
              option.label
            )
          }
        />
      );
    case 'text':
      return (
        <Input
          {...common}
          value={props.value as string | undefined}
          onChange={(event) => props.onChange?.(event.target.value)}
          style={{ maxWidth: 360 }}
          placeholder={field.nullable === true ? t('settings.none') : undefined}
        />
      );
    case 'list':
      return (
        <Select
          {...common}
          mode="tags"
          value={props.value as string[] | undefined}
          onChange={(value: string[]) => props.onChange?.(value)}
          open={false}
          suffixIcon={null}
          tokenSeparators={[',', ' ']}
          placeholder={field.placeholder}
          style={{ maxWidth: 520 }}
        />
      );
    case 'aliases':
      return null;
    case 'keyPolicy':
      return (
        <KeyPolicyInput
          disabled={props.disabled}
          value={props.value as KeyPolicy | undefined}
          onChange={(value) => props.onChange?.(value)}
        />
      );
  }
}

type StrategyKey =
  'lru' | 'round_robin' | 'least_usage' | 'most_usage' | 'oldest_first' | 'weighted';

function optionLabel(
  key: string,
  option: string,
  t: ReturnType<typeof useTranslation>['t'],
): string {
  return key === 'providerStrategy'
    ? t(`settings.strategies.${option as StrategyKey}.label`)
    : option;
}
