import { ExportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import type { Provider } from '../../api/api-types';
import { useProviders } from '../../api/use-providers';
import { PageHeader } from '../../lib/page-header';
import { RelativeTime } from '../../lib/relative-time';
import { TableCard } from '../../lib/table-card';
import { useNow } from '../../lib/use-now';
import { AddAccountModal } from './add-account/add-account-modal';
import { ExportAccountsModal } from './add-account/export-accounts-modal';
import { EditProviderModal } from './edit-provider-modal';
import { ProviderActions } from './provider-actions';
import { ProviderDetails } from './provider-details';
import { ProviderStatusTag } from './provider-status';
import { QuotaProgress } from './quota-progress';

export function ProvidersPage() {
  const { t } = useTranslation();
  const providers = useProviders();
  const now = useNow(15_000);
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [editing, setEditing] = useState<Provider | undefined>();
  // `?account=<id>` (links from the request log) opens that account's details.
  const [search] = useSearchParams();
  const linked = search.get('account');
  const [expanded, setExpanded] = useState<readonly Key[]>(linked === null ? [] : [linked]);

  const columns: ColumnsType<Provider> = [
    {
      title: t('providers.name'),
      dataIndex: 'name',
      render: (name: string, provider) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          {provider.email !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {provider.email}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('providers.authMethod'),
      dataIndex: 'authMethod',
      render: (method: string, provider) => (
        <Tag>
          {method === 'social' && provider.provider !== null
            ? provider.provider
            : t(`providers.authMethods.${authMethodKey(method)}`)}
        </Tag>
      ),
    },
    { title: t('accountState.apiRegion'), dataIndex: 'apiRegion' },
    {
      title: t('providers.plan'),
      key: 'plan',
      render: (_value, provider) => {
        const plan = provider.planTier ?? provider.plan;
        return plan === null ? '—' : <Tag color="purple">{plan}</Tag>;
      },
    },
    {
      title: t('common.status'),
      key: 'status',
      render: (_value, provider) => <ProviderStatusTag provider={provider} now={now} />,
    },
    {
      title: t('providers.quota'),
      key: 'quota',
      width: 170,
      render: (_value, provider) => <QuotaProgress provider={provider} />,
    },
    {
      title: t('common.lastUsed'),
      dataIndex: 'lastUsedAt',
      render: (value: number | null) => <RelativeTime value={value} />,
    },
    {
      title: t('providers.errors'),
      key: 'errors',
      render: (_value, provider) =>
        provider.errorCount === 0 ? (
          <Typography.Text type="secondary">0</Typography.Text>
        ) : (
          <Tooltip title={provider.lastError ?? undefined}>
            <Typography.Text type={provider.consecutiveErrors > 0 ? 'danger' : undefined}>
              {provider.errorCount}
              {provider.consecutiveErrors > 0 &&
                ` (${t('providers.inARow', { count: provider.consecutiveErrors })})`}
            </Typography.Text>
          </Tooltip>
        ),
    },
    {
      title: t('accountState.lastError'),
      key: 'lastError',
      render: (_value, provider) =>
        provider.lastError === null ? (
          <Typography.Text type="secondary">{t('accountState.noError')}</Typography.Text>
        ) : (
          <Space direction="vertical" size={0} style={{ maxWidth: 320 }}>
            <Typography.Text type="danger" ellipsis={{ tooltip: provider.lastError }}>
              {provider.lastError}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <RelativeTime value={provider.lastErrorAt} />
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_value, provider) => (
        <ProviderActions provider={provider} now={now} onEdit={setEditing} />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.providers')}
        description={t('providers.description')}
        extra={
          <>
            <Tooltip title={t('common.refresh')}>
              <Button
                icon={<ReloadOutlined />}
                aria-label={t('common.refresh')}
                loading={providers.isFetching}
                onClick={() => void providers.refetch()}
              />
            </Tooltip>
            <Button
              icon={<ExportOutlined />}
              disabled={(providers.data?.length ?? 0) === 0}
              onClick={() => setExporting(true)}
            >
              {t('exportAccounts.button')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('providers.add')}
            </Button>
          </>
        }
      />
      <TableCard<Provider>
        rows={providers.data}
        columns={columns}
        loading={providers.isPending}
        pageSize={50}
        expandable={{
          expandedRowRender: (provider) => <ProviderDetails provider={provider} />,
          expandedRowKeys: expanded,
          onExpandedRowsChange: setExpanded,
        }}
        empty={
          <Empty description={t('providers.empty')}>
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('providers.add')}
            </Button>
          </Empty>
        }
      />
      <AddAccountModal open={adding} onClose={() => setAdding(false)} />
      <ExportAccountsModal
        open={exporting}
        accounts={providers.data ?? []}
        onClose={() => setExporting(false)}
      />
      <EditProviderModal provider={editing} onClose={() => setEditing(undefined)} />
    </>
  );
}

/** The server's auth methods; anything newer shows as "other". */
function authMethodKey(method: string): 'social' | 'builder-id' | 'idc' | 'api-key' | 'other' {
  switch (method) {
    case 'social':
    case 'builder-id':
    case 'idc':
    case 'api-key':
      return method;
    default:
      return 'other';
  }
}
