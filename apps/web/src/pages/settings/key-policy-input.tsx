import { Flex, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { ServerConfig } from '../../api/api-types';

export type KeyPolicy = ServerConfig['userKeyPolicy'];

/** `userKeyPolicy`: how many keys a user may hold and the limits each of their keys gets. */
export function KeyPolicyInput(props: {
  value: KeyPolicy | undefined;
  onChange: (value: KeyPolicy) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const policy: KeyPolicy = props.value ?? {
    maxKeys: 0,
    dailyLimit: null,
    rateLimitPerMinute: null,
    allowedModels: null,
  };
  const set = (patch: Partial<KeyPolicy>) => props.onChange({ ...policy, ...patch });
  const labelled = (label: string, control: React.ReactNode) => (
    <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {control}
    </label>
  );
  return (
    <Flex wrap gap={16}>
      {labelled(
        t('settings.keyPolicy.maxKeys'),
        <InputNumber
          min={0}
          max={1000}
          precision={0}
          disabled={props.disabled}
          value={policy.maxKeys}
          onChange={(value) => set({ maxKeys: value ?? 0 })}
        />,
      )}
      {labelled(
        t('settings.keyPolicy.dailyLimit'),
        <InputNumber
          min={1}
          precision={0}
          placeholder={t('settings.keyPolicy.unlimited')}
          disabled={props.disabled}
          value={policy.dailyLimit}
          onChange={(value) => set({ dailyLimit: value ?? null })}
        />,
      )}
      {labelled(
        t('settings.keyPolicy.rateLimitPerMinute'),
        <InputNumber
          min={1}
          max={100_000}
          precision={0}
          placeholder={t('settings.keyPolicy.unlimited')}
          disabled={props.disabled}
          value={policy.rateLimitPerMinute}
          onChange={(value) => set({ rateLimitPerMinute: value ?? null })}
        />,
      )}
      {labelled(
        t('settings.keyPolicy.allowedModels'),
        <Select
          mode="tags"
          open={false}
          suffixIcon={null}
          tokenSeparators={[',', ' ']}
          placeholder={t('common.allModels')}
          disabled={props.disabled}
          style={{ minWidth: 280 }}
          value={policy.allowedModels ?? []}
          onChange={(models: string[]) => set({ allowedModels: models })}
        />,
      )}
    </Flex>
  );
}
