import { Progress, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Provider } from '../../api/api-types';
import { formatDateTime, formatRelative } from '../../lib/format';

/** Used / limit of the account's plan, red when exhausted; "not synced" until the first sync. */
export function QuotaProgress(props: { provider: Provider }) {
  const { t } = useTranslation();
  const { used, limit } = props.provider.usage;
  if (used === null || limit === null || limit <= 0) {
    return <Typography.Text type="secondary">{t('providers.quotaUnknown')}</Typography.Text>;
  }
  const percent = Math.min(100, (used / limit) * 100);
  const tooltip = [
    t('providers.quotaTooltip', { used: used.toFixed(0), limit: limit.toFixed(0) }),
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
