import { Space, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import type { Provider } from '../../api/api-types';
import { formatDateTime, formatRelative } from '../../lib/format';

export type ProviderStatus =
  'disabled' | 'quarantined' | 'needsSignIn' | 'cooling' | 'healthy' | 'recovering' | 'unhealthy';

/** The one status that matters most for routing, in order of precedence. */
export function providerStatus(provider: Provider, now: number): ProviderStatus {
  if (provider.isDisabled) return 'disabled';
  if (provider.quarantined) return 'quarantined';
  if (provider.needsSignIn) return 'needsSignIn';
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
  needsSignIn: 'volcano',
  cooling: 'orange',
  healthy: 'green',
  recovering: 'gold',
  unhealthy: 'red',
};

export function ProviderStatusTag(props: { provider: Provider; now: number }) {
  const { t } = useTranslation();
  const { provider } = props;
  const status = providerStatus(provider, props.now);
  const tag = (
    <Tag color={colors[status]}>
      {status === 'needsSignIn' ? t('accountState.needsSignIn') : t(`providers.status.${status}`)}
    </Tag>
  );
  if (status === 'needsSignIn') {
    return <Tooltip title={t('accountState.needsSignInHelp')}>{tag}</Tooltip>;
  }
  if (status === 'unhealthy' && provider.healthReason !== null) {
    return (
      <Space direction="vertical" size={0}>
        <Tooltip title={provider.lastError ?? undefined}>{tag}</Tooltip>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {reasonText(t, provider.healthReason)}
        </Typography.Text>
      </Space>
    );
  }
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

const knownReasons = [
  'unknown_host',
  'wrong_region',
  'invalid_profile',
  'refresh_revoked',
  'refresh_failed',
  'token_expired',
  'forbidden',
] as const;

/** Why an account is unhealthy, in words when the reason is known, else as the server named it. */
export function reasonText(t: TFunction, reason: string): string {
  const known = knownReasons.find((entry) => entry === reason);
  return known === undefined ? reason : t(`accountState.reasons.${known}`);
}
