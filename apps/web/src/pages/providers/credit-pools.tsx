import { Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Provider } from '../../api/api-types';
import { formatDateTime } from '../../lib/format';

type CreditPool = Provider['usage']['pools'][number];

const kindColors: Record<CreditPool['kind'], string> = {
  base: 'purple',
  'free-trial': 'green',
  bonus: 'blue',
  overage: 'orange',
};

/** When a pool refills or ends, in words. */
export function usePoolDate(): (pool: CreditPool) => string | null {
  const { t } = useTranslation();
  return (pool) => {
    if (pool.resetsAt !== null) {
      return t('accountState.resets', { time: formatDateTime(pool.resetsAt) });
    }
    if (pool.expiresAt !== null) {
      return pool.status === 'expired'
        ? t('accountState.expired', { time: formatDateTime(pool.expiresAt) })
        : t('accountState.expires', { time: formatDateTime(pool.expiresAt) });
    }
    return null;
  };
}

/** Every pot of credits the account has (base, free trial, bonuses, overage), each with its dates. */
export function CreditPools(props: { pools: CreditPool[] }) {
  const { t } = useTranslation();
  const dateOf = usePoolDate();
  if (props.pools.length === 0) {
    return <Typography.Text type="secondary">{t('accountState.noPools')}</Typography.Text>;
  }
  return (
    <Space direction="vertical" size={6} style={{ width: '100%' }}>
      {props.pools.map((pool, index) => {
        const inactive = pool.status !== 'active';
        const percent = pool.limit > 0 ? Math.min(100, (pool.used / pool.limit) * 100) : 0;
        const date = dateOf(pool);
        return (
          <div key={`${pool.kind}-${index}`} data-testid="credit-pool">
            <Space size={6} wrap>
              <Tag color={inactive ? 'default' : kindColors[pool.kind]}>
                {t(`accountState.poolKinds.${pool.kind}`)}
              </Tag>
              <Typography.Text strong={!inactive} type={inactive ? 'secondary' : undefined}>
                {pool.name}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('accountState.poolUsage', {
                  used: formatCredits(pool.used),
                  limit: formatCredits(pool.limit),
                })}
              </Typography.Text>
              {inactive && <Tag>{pool.status}</Tag>}
              {date !== null && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {date}
                </Typography.Text>
              )}
            </Space>
            {!inactive && pool.limit > 0 && (
              <Progress
                size="small"
                percent={percent}
                showInfo={false}
                status={pool.used >= pool.limit ? 'exception' : 'normal'}
                style={{ margin: 0, maxWidth: 320 }}
              />
            )}
          </div>
        );
      })}
    </Space>
  );
}

/** Credits keep two decimals upstream; whole numbers read better when they are whole. */
export function formatCredits(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
