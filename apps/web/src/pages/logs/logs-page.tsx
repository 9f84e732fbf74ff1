import { Card, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { LogQuery, RequestLog } from '../../api/api-types';
import { useApiKeys } from '../../api/use-api-keys';
import { useProviders } from '../../api/use-providers';
import { useLogs } from '../../api/use-reports';
import { useCurrentUser } from '../../auth/use-session';
import { formatCount, formatDateTime, formatDuration } from '../../lib/format';
import { PageHeader } from '../../lib/page-header';
import { LogFilters, type LogFilterValues } from './log-filters';

function statusColor(status: number): string {
  if (status < 300) return 'green';
  if (status === 429) return 'orange';
  if (status < 500) return 'gold';
  return 'red';
}

export function LogsPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const isAdmin = user.role === 'admin';
  const [filters, setFilters] = useState<LogFilterValues>({});
  const [page, setPage] = useState({ current: 1, pageSize: 50 });
  const keys = useApiKeys();
  const providers = useProviders({ enabled: isAdmin });

  const query: LogQuery = {
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
    ...(filters.range == null
      ? {}
      : { from: filters.range[0].valueOf(), to: filters.range[1].valueOf() }),
    ...(filters.apiKeyId === undefined ? {} : { apiKeyId: filters.apiKeyId }),
    ...(filters.accountId === undefined ? {} : { accountId: filters.accountId }),
    ...(filters.model === undefined ? {} : { model: filters.model }),
    ...(filters.outcome === undefined ? {} : { outcome: filters.outcome }),
  };
  const logs = useLogs(query);

  const keyNames = useMemo(
    () => new Map((keys.data ?? []).map((key) => [key.id, key.name])),
    [keys.data],
  );
  const accountNames = useMemo(
    () => new Map((providers.data ?? []).map((provider) => [provider.id, provider.name])),
    [providers.data],
  );
  const count = (value: number) => formatCount(value, i18n.language, { compact: true });

  const columns: ColumnsType<RequestLog> = [
    {
      title: t('logs.time'),
      dataIndex: 'createdAt',
      render: (value: number) => formatDateTime(value),
      width: 170,
    },
    {
      title: t('logs.apiKey'),
      dataIndex: 'apiKeyId',
      render: (id: string | null) =>
        id === null ? '—' : (keyNames.get(id) ?? <span className="mono">{id.slice(0, 8)}</span>),
    },
    ...(isAdmin
      ? [
          {
            title: t('logs.account'),
            dataIndex: 'accountId',
            render: (id: string | null) =>
              id === null ? '—' : <AccountLink id={id} name={accountNames.get(id) ?? null} />,
          },
        ]
      : []),
    {
      title: t('logs.model'),
      key: 'model',
      render: (_value, log) => (
        <Space direction="vertical" size={0}>
          <span>{log.modelRequested ?? '—'}</span>
          {log.modelSent !== null && log.modelSent !== log.modelRequested && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              → {log.modelSent}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('logs.route'),
      key: 'route',
      render: (_value, log) => (
        <Space size={4}>
          <span className="mono" style={{ fontSize: 12 }}>
            {log.route}
          </span>
          {log.stream && <Tag>{t('logs.stream')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('logs.status'),
      dataIndex: 'status',
      render: (status: number, log) => (
        <Tooltip title={log.errorMessage ?? log.errorCode ?? log.errorClass ?? undefined}>
          <Tag color={statusColor(status)}>{status}</Tag>
        </Tooltip>
      ),
    },
    {
      title: t('logs.tokens'),
      key: 'tokens',
      render: (_value, log) => (
        <Tooltip
          title={t('logs.tokensTooltip', {
            input: String(log.inputTokens),
            output: String(log.outputTokens),
            cacheRead: String(log.cacheReadTokens),
            cacheWrite: String(log.cacheWriteTokens),
          })}
        >
          {count(log.inputTokens)} / {count(log.outputTokens)}
        </Tooltip>
      ),
    },
    {
      title: t('logs.latency'),
      dataIndex: 'latencyMs',
      render: (value: number) => formatDuration(value),
    },
    {
      title: t('logs.ttfb'),
      dataIndex: 'firstByteMs',
      render: (value: number | null) => formatDuration(value),
    },
    {
      title: t('logs.attempts'),
      dataIndex: 'attemptCount',
      render: (value: number, log) =>
        value > 1 ? (
          <Tooltip
            title={log.attempts
              .map((attempt) => `${attempt.accountName ?? attempt.accountId}: ${attempt.outcome}`)
              .join(' → ')}
          >
            <Tag color="orange">{value}</Tag>
          </Tooltip>
        ) : (
          value
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.logs')} description={t('logs.description')} />
      <Card>
        <LogFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setPage((current) => ({ ...current, current: 1 }));
          }}
          keyOptions={(keys.data ?? []).map((key) => ({ label: key.name, value: key.id }))}
          accountOptions={
            isAdmin
              ? (providers.data ?? []).map((provider) => ({
                  label: provider.name,
                  value: provider.id,
                }))
              : undefined
          }
          refreshing={logs.isFetching}
          onRefresh={() => void logs.refetch()}
        />
        <Table<RequestLog>
          rowKey="id"
          size="small"
          loading={logs.isPending}
          dataSource={logs.data?.logs ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('logs.empty') }}
          expandable={{
            expandedRowRender: (log) => <LogDetails log={log} linkAccounts={isAdmin} />,
          }}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: logs.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('logs.total', { count: total }),
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
        />
      </Card>
    </>
  );
}

/** An account named in the log, linking to its row (details open) on the accounts page. */
function AccountLink(props: { id: string; name: string | null }) {
  const { t } = useTranslation();
  return (
    <Link to={`/providers?account=${encodeURIComponent(props.id)}`}>
      {props.name ?? (
        <Tooltip title={t('logs.deletedAccount')}>
          <span className="mono">{props.id.slice(0, 8)}</span>
        </Tooltip>
      )}
    </Link>
  );
}

type Attempt = RequestLog['attempts'][number] & { index: number };

/** Every upstream attempt of one request: which account, how it ended and why. */
function AttemptTable(props: { attempts: RequestLog['attempts']; linkAccounts: boolean }) {
  const { t } = useTranslation();
  const columns: ColumnsType<Attempt> = [
    { title: '#', dataIndex: 'index', width: 40, render: (index: number) => index + 1 },
    {
      title: t('logs.attemptAccount'),
      dataIndex: 'accountId',
      render: (id: string, attempt) =>
        props.linkAccounts ? (
          <AccountLink id={id} name={attempt.accountName} />
        ) : (
          (attempt.accountName ?? id.slice(0, 8))
        ),
    },
    {
      title: t('logs.attemptOutcome'),
      dataIndex: 'outcome',
      render: (outcome: string) => (
        <Tag color={outcome === 'success' ? 'green' : 'red'}>{outcome}</Tag>
      ),
    },
    {
      title: t('logs.attemptReason'),
      dataIndex: 'reason',
      render: (reason: string | null) =>
        reason === null ? '—' : <span className="mono">{reason}</span>,
    },
    {
      title: t('logs.attemptMessage'),
      dataIndex: 'message',
      render: (message: string | null) =>
        message === null ? '—' : <Typography.Text type="danger">{message}</Typography.Text>,
    },
    {
      title: t('logs.attemptDuration'),
      dataIndex: 'durationMs',
      render: (value: number | null) => formatDuration(value),
    },
  ];
  return (
    <Table<Attempt>
      rowKey="index"
      size="small"
      pagination={false}
      dataSource={props.attempts.map((attempt, index) => ({ ...attempt, index }))}
      columns={columns}
      aria-label={t('logs.attemptLog')}
      locale={{ emptyText: t('logs.noAttempts') }}
    />
  );
}

function LogDetails(props: { log: RequestLog; linkAccounts: boolean }) {
  const { t } = useTranslation();
  const { log } = props;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
      <Descriptions.Item label={t('logs.errorMessage')} span={2}>
        {log.errorMessage === null ? (
          '—'
        ) : (
          <Typography.Text type="danger">{log.errorMessage}</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('logs.adaptations')} span={2}>
        {log.adaptations.length === 0 ? (
          t('logs.noAdaptations')
        ) : (
          <ul className="adaptation-list" aria-label={t('logs.adaptations')}>
            {log.adaptations.map((adaptation, index) => (
              <li key={index}>
                <span className="mono">{adaptation.kind}</span> {adaptation.detail}
              </li>
            ))}
          </ul>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('logs.attemptLog')} span={2}>
        <AttemptTable attempts={log.attempts} linkAccounts={props.linkAccounts} />
      </Descriptions.Item>
      <Descriptions.Item label={t('logs.requestId')}>
        <span className="mono">{log.requestId ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('logs.errorCode')}>
        {log.errorCode === null ? '—' : `${log.errorClass ?? ''} ${log.errorCode}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('logs.clientIp')}>{log.clientIp ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('logs.userAgent')}>{log.userAgent ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('logs.cacheTokens')}>
        {log.cacheReadTokens} / {log.cacheWriteTokens}
      </Descriptions.Item>
      <Descriptions.Item label={t('logs.credits')}>{log.credits ?? '—'}</Descriptions.Item>
    </Descriptions>
  );
}
