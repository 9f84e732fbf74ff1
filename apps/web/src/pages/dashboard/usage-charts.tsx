import { Card, Col, Empty, Row, theme } from 'antd';
import dayjs from 'dayjs';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Area,
  AreaChart,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type YAxisProps,
} from 'recharts';

import { formatCount, formatDuration } from '../../lib/format';
import type { ChartPoint } from './fill-series';

const chartHeight = 240;

/** Requests and errors, tokens, and latency per bucket. */
export function UsageCharts(props: { points: ChartPoint[]; bucket: 'hour' | 'day' }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const count = (value: unknown) => formatCount(Number(value), i18n.language, { compact: true });
  const duration = (value: unknown) => formatDuration(Number(value));
  const empty = props.points.every((point) => point.requests === 0);
  const axis = { stroke: token.colorTextTertiary, fontSize: 11 };

  /** The grid, time axis, tooltip and legend every chart has; the value axis is each chart's own. */
  const frame = (valueAxis: YAxisProps, format: (value: unknown) => string) => (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke={token.colorBorderSecondary} vertical={false} />
      <XAxis
        dataKey="bucketStart"
        tickFormatter={(start: number) =>
          dayjs(start).format(props.bucket === 'hour' ? 'HH:mm' : 'MM-DD')
        }
        {...axis}
        minTickGap={16}
      />
      <YAxis tickFormatter={format} {...axis} {...valueAxis} />
      <Tooltip
        contentStyle={{
          background: token.colorBgElevated,
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: 6,
          fontSize: 12,
        }}
        labelFormatter={(start: unknown) =>
          dayjs(Number(start)).format(props.bucket === 'hour' ? 'YYYY-MM-DD HH:00' : 'YYYY-MM-DD')
        }
        formatter={format}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
    </>
  );
  const latencyLines = [
    { dataKey: 'avgLatencyMs', name: t('dashboard.series.avgLatency'), color: token.colorPrimary },
    { dataKey: 'p95LatencyMs', name: t('dashboard.series.p95Latency'), color: token.colorWarning },
    { dataKey: 'avgFirstByteMs', name: t('dashboard.series.ttfb'), color: token.colorSuccess },
  ] as const;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <ChartCard title={t('dashboard.charts.requests')} empty={empty}>
          <ComposedChart data={props.points}>
            {frame({ allowDecimals: false, width: 44 }, count)}
            <Bar
              dataKey="requests"
              name={t('dashboard.series.requests')}
              fill={token.colorPrimary}
              radius={[3, 3, 0, 0]}
            />
            <Line
              dataKey="errors"
              name={t('dashboard.series.errors')}
              stroke={token.colorError}
              dot={false}
              strokeWidth={2}
            />
          </ComposedChart>
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title={t('dashboard.charts.tokens')} empty={empty}>
          <AreaChart data={props.points}>
            {frame({ width: 44 }, count)}
            <Area
              dataKey="inputTokens"
              name={t('dashboard.series.inputTokens')}
              stackId="tokens"
              stroke={token.colorPrimary}
              fill={token.colorPrimaryBg}
            />
            <Area
              dataKey="outputTokens"
              name={t('dashboard.series.outputTokens')}
              stackId="tokens"
              stroke={token.colorSuccess}
              fill={token.colorSuccessBg}
            />
          </AreaChart>
        </ChartCard>
      </Col>
      <Col xs={24}>
        <ChartCard title={t('dashboard.charts.latency')} empty={empty}>
          <LineChart data={props.points}>
            {frame({ width: 64 }, duration)}
            {latencyLines.map((line) => (
              <Line
                key={line.dataKey}
                dataKey={line.dataKey}
                name={line.name}
                stroke={line.color}
                dot={{ r: 2 }}
                strokeWidth={2}
                connectNulls
              />
            ))}
          </LineChart>
        </ChartCard>
      </Col>
    </Row>
  );
}

/** A titled card holding one chart, or "no traffic" while the window has none. */
function ChartCard(props: { title: string; empty: boolean; children: ReactElement }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={props.title}>
      {props.empty ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('dashboard.noTraffic')}
          style={{ height: chartHeight - 40 }}
        />
      ) : (
        <ResponsiveContainer width="100%" height={chartHeight}>
          {props.children}
        </ResponsiveContainer>
      )}
    </Card>
  );
}
