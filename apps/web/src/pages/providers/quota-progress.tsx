import { Progress, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Provider } from '../../api/api-types';
import { formatDateTime, formatRelative } from '../../lib/format';
import { formatCredits, usePoolDate } from './credit-pools';

/**
 * Used / limit over all the account's active credits, red when exhausted; "not synced" until the
 * first sync. The tooltip lists each credit pool (base, free trial, bonuses, overage).
 */
export function QuotaProgress(props: { provider: Provider }) {
  const { t } = useTranslation();
  const dateOf = usePoolDate();
  const { used, limit, pools } = props.provider.usage;
  if (used === null || limit === null || limit <= 0) {
    return <Typography.Text type="secondary">{t('providers.quotaUnknown')}</Typography.Text>;
  }
  const percent = Math.min(100, (used / limit) * 100);
  const tooltip = [
    t('providers.quotaTooltip', { used: used.toFixed(0), limit: limit.toFixed(0) }),
    ...pools.map((pool) =>
      [
        `${t(`accountState.poolKinds.${pool.kind}`)} ${pool.name}: ${formatCredits(pool.used)}/${formatCredits(pool.limit)}`,
        pool.status === 'active' ? null : pool.status,
        dateOf(pool),
      ]
        .filter(Boolean)
        .join(', '),
    ),
    props.provider.usageSyncedAt !== null &&
      t('providers.syncedAt', { time: formatRelative(props.provider.usageSyncedAt) }),
    props.provider.usageResetsAt !== null &&
      t('providers.resetsAt', { time: formatDateTime(props.provider.usageResetsAt) }),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={tooltip}>
      <Progress
        size="small"
        percent={percent}
        status={used >= limit ? 'exception' : percent > 85 ? 'active' : 'normal'}
        strokeColor={used >= limit ? undefined : percent > 85 ? '#fa8c16' : undefined}
        format={() => `${used.toFixed(0)}/${limit.toFixed(0)}`}
        style={{ minWidth: 140, margin: 0 }}
      />
    </Tooltip>
  );
}
