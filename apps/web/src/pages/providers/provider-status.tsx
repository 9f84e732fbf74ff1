import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Provider } from '../../api/api-types';
import { formatDateTime, formatRelative } from '../../lib/format';

export type ProviderStatus =
  'disabled' | 'quarantined' | 'cooling' | 'healthy' | 'recovering' | 'unhealthy';

/** The one status that matters most for routing, in order of precedence. */
export function providerStatus(provider: Provider, now: number): ProviderStatus {
  if (provider.isDisabled) return 'disabled';
  if (provider.quarantined) return 'quarantined';
  if (provider.cooldownUntil !== null && provider.cooldownUntil > now) return 'cooling';
  switch (provider.healthState) {
    case 'healthy':
      return 'healthy';
    case 'recovering':
      return 'recovering';
    default:
      return 'unhealthy';
  }
}

const colors: Record<ProviderStatus, string> = {
  disabled: 'default',
  quarantined: 'red',
  cooling: 'orange',
  healthy: 'green',
  recovering: 'gold',
  unhealthy: 'red',
};

export function ProviderStatusTag(props: { provider: Provider; now: number }) {
  const { t } = useTranslation();
  const { provider } = props;
  const status = providerStatus(provider, props.now);
  const tag = <Tag color={colors[status]}>{t(`providers.status.${status}`)}</Tag>;
  if (status === 'cooling' && provider.cooldownUntil !== null) {
    return (
      <Space direction="vertical" size={0}>
        <Tooltip title={formatDateTime(provider.cooldownUntil)}>{tag}</Tooltip>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('providers.coolingUntil', { time: formatRelative(provider.cooldownUntil) })}
          {provider.cooldownReason !== null && ` · ${provider.cooldownReason}`}
        </Typography.Text>
      </Space>
    );
  }
  if (status === 'quarantined' && provider.quarantineReason !== null) {
    return <Tooltip title={provider.quarantineReason}>{tag}</Tooltip>;
  }
  return tag;
}
