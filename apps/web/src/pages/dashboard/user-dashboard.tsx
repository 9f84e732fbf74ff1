import { Card, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { UsageRow } from '../../api/api-types';
import { useApiKeys } from '../../api/use-api-keys';
import { useUsage } from '../../api/use-reports';
import { formatCount, formatDuration } from '../../lib/format';
import type { RangeWindow } from './dashboard-range';
import { TrafficOverview } from './traffic-overview';

/** A user's own traffic: their keys' totals and charts, and a row per key. */
export function UserDashboard(props: { window: RangeWindow }) {
  const { t, i18n } = useTranslation();
  const { window } = props;
  const keys = useApiKeys();
  const perKey = useUsage({ from: window.from, groupBy: 'apiKey' });
  const count = (value: number) => formatCount(value, i18n.language, { compact: true });
  const keyNames = useMemo(
    () => new Map((keys.data ?? []).map((key) => [key.id, key.name])),
    [keys.data],
  );

  return (
    <>
      <TrafficOverview window={window} keysTitle={t('dashboard.cards.myKeys')} />
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
