import { Card, Col, Empty, Row, theme } from 'antd';
import dayjs from 'dayjs';
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
} from 'recharts';

import { formatCount, formatDuration } from '../../lib/format';
import type { ChartPoint } from './fill-series';

const chartHeight = 240;

/** Requests and errors, tokens, and latency per bucket. */
export function UsageCharts(props: { points: ChartPoint[]; bucket: 'hour' | 'day' }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const label = (start: number) => dayjs(start).format(props.bucket === 'hour' ? 'HH:mm' : 'MM-DD');
  const fullLabel = (start: unknown) =>
    dayjs(Number(start)).format(props.bucket === 'hour' ? 'YYYY-MM-DD HH:00' : 'YYYY-MM-DD');
  const count = (value: unknown) => formatCount(Number(value), i18n.language, { compact: true });
  const axis = { stroke: token.colorTextTertiary, fontSize: 11 };
  const grid = (
    <CartesianGrid strokeDasharray="3 3" stroke={token.colorBorderSecondary} vertical={false} />
  );
  const tooltipStyle = {
    contentStyle: {
      background: token.colorBgElevated,
      border: `1px solid ${token.colorBorderSecondary}`,
      borderRadius: 6,
      fontSize: 12,
    },
    labelFormatter: fullLabel,
  };
  const empty = props.points.every((point) => point.requests === 0);
  const emptyState = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={t('dashboard.noTraffic')}
      style={{ height: chartHeight - 40 }}
    />
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('dashboard.charts.requests')}>
          {empty ? (
            emptyState
          ) : (
            <ResponsiveContainer width="100%" height={chartHeight}>
              <ComposedChart data={props.points}>
                {grid}
                <XAxis dataKey="bucketStart" tickFormatter={label} {...axis} minTickGap={16} />
                <YAxis allowDecimals={false} tickFormatter={count} {...axis} width={44} />
                <Tooltip {...tooltipStyle} formatter={(value) => count(value)} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
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
            </ResponsiveContainer>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('dashboard.charts.tokens')}>
          {empty ? (
            emptyState
          ) : (
            <ResponsiveContainer width="100%" height={chartHeight}>
              <AreaChart data={props.points}>
                {grid}
                <XAxis dataKey="bucketStart" tickFormatter={label} {...axis} minTickGap={16} />
                <YAxis tickFormatter={count} {...axis} width={44} />
                <Tooltip {...tooltipStyle} formatter={(value) => count(value)} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
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
            </ResponsiveContainer>
          )}
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={t('dashboard.charts.latency')}>
          {empty ? (
            emptyState
          ) : (
            <ResponsiveContainer width="100%" height={chartHeight}>
              <LineChart data={props.points}>
                {grid}
                <XAxis dataKey="bucketStart" tickFormatter={label} {...axis} minTickGap={16} />
                <YAxis
                  tickFormatter={(value: number) => formatDuration(value)}
                  {...axis}
                  width={64}
                />
                <Tooltip {...tooltipStyle} formatter={(value) => formatDuration(Number(value))} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Line
                  dataKey="avgLatencyMs"
                  name={t('dashboard.series.avgLatency')}
                  stroke={token.colorPrimary}
                  dot={{ r: 2 }}
                  strokeWidth={2}
                  connectNulls
                />
                <Line
                  dataKey="p95LatencyMs"
                  name={t('dashboard.series.p95Latency')}
                  stroke={token.colorWarning}
                  dot={{ r: 2 }}
                  strokeWidth={2}
                  connectNulls
                />
                <Line
                  dataKey="avgFirstByteMs"
                  name={t('dashboard.series.ttfb')}
                  stroke={token.colorSuccess}
                  dot={{ r: 2 }}
                  strokeWidth={2}
                  connectNulls
                />
              </LineChart>
            </ResponsiveContainer>
          )}
        </Card>
      </Col>
    </Row>
  );
}
