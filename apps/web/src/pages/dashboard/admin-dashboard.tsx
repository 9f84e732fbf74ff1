import {
  CheckCircleOutlined,
  CloudServerOutlined,
  ExclamationCircleOutlined,
  FieldTimeOutlined,
  KeyOutlined,
  SwapOutlined,
  ThunderboltOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Col, Row, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { useProviders } from '../../api/use-providers';
import { useStats } from '../../api/use-reports';
import { formatCount, formatPercent } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { providerStatus } from '../providers/provider-status';
import type { RangeWindow } from './dashboard-range';
import { fillSeries, seriesTotals } from './fill-series';
import { StatCard } from './stat-card';
import { UsageCharts } from './usage-charts';

/** Pool health, keys and traffic for the whole gateway. */
export function AdminDashboard(props: { window: RangeWindow }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const now = useNow(30_000);
  const { window } = props;
  const stats = useStats({
    from: window.from,
    bucket: window.bucket,
    utcOffsetMinutes: window.utcOffsetMinutes,
  });
  const providers = useProviders();

  const accounts = useMemo(() => {
    const counts = { total: 0, healthy: 0, cooling: 0, unhealthy: 0, disabled: 0 };
    for (const provider of providers.data ?? []) {
      counts.total += 1;
      switch (providerStatus(provider, now)) {
        case 'healthy':
          counts.healthy += 1;
          break;
        case 'cooling':
        case 'recovering':
          counts.cooling += 1;
          break;
        case 'unhealthy':
        case 'quarantined':
          counts.unhealthy += 1;
          break;
        case 'disabled':
          counts.disabled += 1;
          break;
      }
    }
    return counts;
  }, [providers.data, now]);

  const points = useMemo(() => fillSeries(stats.data?.series ?? [], window), [stats.data, window]);
  const totals = seriesTotals(points);
  const count = (value: number) => formatCount(value, i18n.language, { compact: true });
  const loadingAccounts = providers.isPending;
  const loadingStats = stats.isPending;

  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <StatCard
            title={t('dashboard.cards.accounts')}
            icon={<CloudServerOutlined />}
            value={accounts.total}
            loading={loadingAccounts}
            detail={t('dashboard.cards.accountsDetail', { disabled: String(accounts.disabled) })}
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('dashboard.cards.healthy')}
            icon={<CheckCircleOutlined />}
            value={accounts.healthy}
            valueColor={token.colorSuccess}
            loading={loadingAccounts}
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('dashboard.cards.cooling')}
            icon={<FieldTimeOutlined />}
            value={accounts.cooling}
            valueColor={accounts.cooling > 0 ? token.colorWarning : undefined}
            loading={loadingAccounts}
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('dashboard.cards.unhealthy')}
            icon={<WarningOutlined />}
            value={accounts.unhealthy}
            valueColor={accounts.unhealthy > 0 ? token.colorError : undefined}
            loading={loadingAccounts}
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('dashboard.cards.apiKeys')}
            icon={<KeyOutlined />}
            value={stats.data?.apiKeys.active ?? 0}
            loading={loadingStats}
            detail={t('dashboard.cards.apiKeysDetail', {
              total: String(stats.data?.apiKeys.total ?? 0),
            })}
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('dashboard.cards.requestsToday')}
            icon={<SwapOutlined />}
            value={count(stats.data?.apiKeys.requestsToday ?? 0)}
            loading={loadingStats}
            detail={t('dashboard.cards.requestsInRange', {
              count: totals.requests,
              formatted: count(totals.requests),
            })}
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('dashboard.cards.tokens')}
            icon={<ThunderboltOutlined />}
            value={count(totals.inputTokens + totals.outputTokens)}
            loading={loadingStats}
            detail={t('dashboard.cards.tokensDetail', {
              input: count(totals.inputTokens),
              output: count(totals.outputTokens),
            })}
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('dashboard.cards.errors')}
            icon={<ExclamationCircleOutlined />}
            value={count(totals.errors)}
            valueColor={totals.errors > 0 ? token.colorError : undefined}
            loading={loadingStats}
            detail={t('dashboard.cards.errorRate', {
              rate: totals.requests === 0 ? '0%' : formatPercent(totals.errors / totals.requests),
            })}
          />
        </Col>
      </Row>
      <UsageCharts points={points} bucket={window.bucket} />
    </>
  );
}
