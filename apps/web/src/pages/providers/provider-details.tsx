import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Provider } from '../../api/api-types';
import { formatDateTime } from '../../lib/format';
import { CreditPools } from './credit-pools';

/** The expanded row: everything the table has no room for. */
export function ProviderDetails(props: { provider: Provider }) {
  const { t } = useTranslation();
  const { provider } = props;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
      <Descriptions.Item label={t('providers.email')}>{provider.email ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('providers.loginProvider')}>
        {provider.provider ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('accountState.planTier')}>
        {provider.planTier ?? provider.plan ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('accountState.apiRegion')}>
        {provider.apiRegion}
      </Descriptions.Item>
      <Descriptions.Item label={t('providers.ssoRegion')}>
        {provider.ssoRegion ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('accountState.startUrl')}>
        {provider.startUrl === null ? '—' : <span className="mono">{provider.startUrl}</span>}
      </Descriptions.Item>
      <Descriptions.Item label={t('accountState.profileArn')} span={2}>
        {provider.profileArn === null ? '—' : <span className="mono">{provider.profileArn}</span>}
      </Descriptions.Item>
      <Descriptions.Item label={t('providers.weight')}>{provider.weight}</Descriptions.Item>
      <Descriptions.Item label={t('providers.concurrencyCap')}>
        {provider.concurrencyCap ?? t('providers.globalDefault')}
      </Descriptions.Item>
      <Descriptions.Item label={t('providers.proxyUrl')}>
        {provider.proxyUrl === null ? '—' : <span className="mono">{provider.proxyUrl}</span>}
      </Descriptions.Item>
      <Descriptions.Item label={t('providers.useCount')}>{provider.useCount}</Descriptions.Item>
      <Descriptions.Item label={t('providers.lastHealthCheck')}>
        {formatDateTime(provider.lastHealthCheckAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('providers.usageResets')}>
        {formatDateTime(provider.usageResetsAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('accountState.creditPools')} span={3}>
        <CreditPools pools={provider.usage.pools} />
      </Descriptions.Item>
      <Descriptions.Item label={t('providers.entitlements')} span={3}>
        {provider.entitlements === null
          ? t('providers.notSynced')
          : provider.entitlements.map((model) => <Tag key={model}>{model}</Tag>)}
      </Descriptions.Item>
      <Descriptions.Item label={t('providers.allowedModels')} span={3}>
        {provider.allowedModels === null
          ? t('common.allModels')
          : provider.allowedModels.map((model) => (
              <Tag key={model} color="blue">
                {model}
              </Tag>
            ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('providers.lastError')} span={3}>
        {provider.lastError === null ? (
          '—'
        ) : (
          <Typography.Text type="danger">
            {formatDateTime(provider.lastErrorAt)} · {provider.lastError}
          </Typography.Text>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
