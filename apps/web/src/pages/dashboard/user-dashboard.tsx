import {
  ExclamationCircleOutlined,
  FieldTimeOutlined,
  KeyOutlined,
  SwapOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { UsageRow } from '../../api/api-types';
import { useApiKeys } from '../../api/use-api-keys';
import { useUsage } from '../../api/use-reports';
import { formatCount, formatDuration } from '../../lib/format';
import type { RangeWindow } from './dashboard-range';
import { StatCard } from './stat-card';

/** A user's own usage: totals over the range and a row per key. */
export function UserDashboard(props: { window: RangeWindow }) {
  const { t, i18n } = useTranslation();
  const keys = useApiKeys();
  const totals = useUsage({ from: props.window.from, groupBy: 'none' });
  const perKey = useUsage({ from: props.window.from, groupBy: 'apiKey' });
  const count = (value: number) => formatCount(value, i18n.language, { compact: true });
  const total = totals.data?.usage[0];
  const keyNames = useMemo(
    () => new Map((keys.data ?? []).map((key) => [key.id, key.name])),
    [keys.data],
  );
  const requestsToday = (keys.data ?? []).reduce((sum, key) => sum + key.requestsToday, 0);

  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6} xl={4}>
          <StatCard
            title={t('dashboard.cards.myKeys')}
            icon={<KeyOutlined />}
            value={keys.data?.length ?? 0}
            loading={keys.isPending}
          />
        </Col>
        <Col xs={12} md={6} xl={5}>
          <StatCard
            title={t('dashboard.cards.requestsToday')}
            icon={<SwapOutlined />}
            value={count(requestsToday)}
            loading={keys.isPending}
          />
        </Col>
        <Col xs={12} md={6} xl={5}>
          <StatCard
            title={t('dashboard.cards.tokens')}
            icon={<ThunderboltOutlined />}
            value={count((total?.inputTokens ?? 0) + (total?.outputTokens ?? 0))}
            loading={totals.isPending}
            detail={t('dashboard.cards.tokensDetail', {
              input: count(total?.inputTokens ?? 0),
              output: count(total?.outputTokens ?? 0),
            })}
          />
        </Col>
        <Col xs={12} md={6} xl={5}>
          <StatCard
            title={t('dashboard.cards.errors')}
            icon={<ExclamationCircleOutlined />}
            value={count(total?.errors ?? 0)}
            loading={totals.isPending}
          />
        </Col>
        <Col xs={12} md={6} xl={5}>
          <StatCard
            title={t('dashboard.cards.avgLatency')}
            icon={<FieldTimeOutlined />}
            value={formatDuration(total?.avgLatencyMs)}
            loading={totals.isPending}
          />
        </Col>
      </Row>
      <Card size="small" title={t('dashboard.byKey')}>
        <Table<UsageRow>
          rowKey={(row) => row.group ?? 'none'}
          size="small"
          loading={perKey.isPending}
          dataSource={perKey.data?.usage ?? []}
          pagination={false}
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
              title: t('dashboard.series.avgLatency'),
              dataIndex: 'avgLatencyMs',
              render: (value: number | null) => formatDuration(value),
            },
          ]}
        />
      </Card>
    </>
  );
}
