import {
  ExclamationCircleOutlined,
  KeyOutlined,
  SwapOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Col, Row, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { useStats } from '../../api/use-reports';
import { formatCount, formatPercent } from '../../lib/format';
import type { RangeWindow } from './dashboard-range';
import { fillSeries, seriesTotals } from './fill-series';
import { StatCard } from './stat-card';
import { UsageCharts } from './usage-charts';

/**
 * The window's traffic as the caller may see it (the server scopes a user's stats to their own
 * keys): key, request, token and error cards, then the charts.
 */
export function TrafficOverview(props: { window: RangeWindow; keysTitle: string }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const { window } = props;
  const stats = useStats({
    from: window.from,
    bucket: window.bucket,
    utcOffsetMinutes: window.utcOffsetMinutes,
  });
  const points = useMemo(() => fillSeries(stats.data?.series ?? [], window), [stats.data, window]);
  const totals = seriesTotals(points);
  const count = (value: number) => formatCount(value, i18n.language, { compact: true });
  const loading = stats.isPending;

  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <StatCard
            title={props.keysTitle}
            icon={<KeyOutlined />}
            value={stats.data?.apiKeys.active ?? 0}
            loading={loading}
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
            loading={loading}
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
            loading={loading}
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
            loading={loading}
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
