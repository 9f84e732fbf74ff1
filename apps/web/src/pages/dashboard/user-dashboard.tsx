import {
  ExclamationCircleOutlined,
  KeyOutlined,
  SwapOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { UsageRow } from '../../api/api-types';
import { useApiKeys } from '../../api/use-api-keys';
import { useStats, useUsage } from '../../api/use-reports';
import { formatCount, formatDuration, formatPercent } from '../../lib/format';
import type { RangeWindow } from './dashboard-range';
import { fillSeries, seriesTotals } from './fill-series';
import { StatCard } from './stat-card';
import { UsageCharts } from './usage-charts';

/** A user's own traffic: their keys' totals and charts, and a row per key. */
export function UserDashboard(props: { window: RangeWindow }) {
  const { t, i18n } = useTranslation();
  const { window } = props;
  const keys = useApiKeys();
  const stats = useStats({
    from: window.from,
    bucket: window.bucket,
    utcOffsetMinutes: window.utcOffsetMinutes,
  });
  const perKey = useUsage({ from: window.from, groupBy: 'apiKey' });
  const count = (value: number) => formatCount(value, i18n.language, { compact: true });
  const keyNames = useMemo(
    () => new Map((keys.data ?? []).map((key) => [key.id, key.name])),
    [keys.data],
  );
  const points = useMemo(() => fillSeries(stats.data?.series ?? [], window), [stats.data, window]);
  const totals = seriesTotals(points);
  const loading = stats.isPending;

  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <StatCard
            title={t('dashboard.cards.myKeys')}
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
            loading={loading}
            detail={t('dashboard.cards.errorRate', {
              rate: totals.requests === 0 ? '0%' : formatPercent(totals.errors / totals.requests),
            })}
          />
        </Col>
      </Row>
      <UsageCharts points={points} bucket={window.bucket} />
      <Card size="small" title={t('dashboard.byKey')} style={{ marginTop: 16 }}>
        <Table<UsageRow>
          rowKey={(row) => row.group ?? 'none'}
          size="small"
          loading={perKey.isPending}
          dataSource={perKey.data?.usage ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('dashboard.noTraffic') }}
          columns={[
            {
              title: t('logs.apiKey'),
              dataIndex: 'group',
              render: (id: string | null) => (id === null ? '—' : (keyNames.get(id) ?? id)),
            },
            { title: t('dashboard.series.requests'), dataIndex: 'requests', render: count },
            { title: t('dashboard.series.errors'), dataIndex: 'errors', render: count },
            { title: t('dashboard.series.inputTokens'), dataIndex: 'inputTokens', render: count },
            { title: t('dashboard.series.outputTokens'), dataIndex: 'outputTokens', render: count },
            {
              title: t('dashboard.cards.avgLatency'),
              dataIndex: 'avgLatencyMs',
              render: (value: number | null) => formatDuration(value),
            },
          ]}
        />
      </Card>
    </>
  );
}
