import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ApiKey, CreatedApiKey } from '../../api/api-types';
import {
  useApiKeys,
  useCreateApiKey,
  useDeleteApiKey,
  useUpdateApiKey,
} from '../../api/use-api-keys';
import { useUsers } from '../../api/use-users';
import { useCurrentUser } from '../../auth/use-session';
import { ConfirmDeleteButton } from '../../lib/confirm-delete-button';
import { EnabledSwitch } from '../../lib/enabled-switch';
import { formatCount, formatDateTime } from '../../lib/format';
import { PageHeader } from '../../lib/page-header';
import { RelativeTime } from '../../lib/relative-time';
import { RowActionButton } from '../../lib/row-action-button';
import { TableCard } from '../../lib/table-card';
import { useEditorModal } from '../../lib/use-editor-modal';
import { ApiKeyFormModal } from './api-key-form-modal';
import { ApiKeyStatusTag } from './api-key-status';
import { CreatedKeyModal } from './created-key-modal';

export function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const keys = useApiKeys();
  const users = useUsers({ enabled: user.role === 'admin' });
  const create = useCreateApiKey();
  const update = useUpdateApiKey();
  const remove = useDeleteApiKey();
  const editor = useEditorModal<ApiKey>({
    onClose: () => {
      create.reset();
      update.reset();
    },
  });
  const [created, setCreated] = useState<CreatedApiKey | undefined>();
  const [now] = useState(() => Date.now());

  const usernames = useMemo(
    () => new Map((users.data ?? []).map((entry) => [entry.id, entry.username])),
    [users.data],
  );

  const columns: ColumnsType<ApiKey> = [
    {
      title: t('apiKeys.name'),
      dataIndex: 'name',
      render: (name: string, key) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
            {key.keyPrefix}
          </Typography.Text>
        </Space>
      ),
    },
    ...(user.role === 'admin'
      ? [
          {
            title: t('apiKeys.owner'),
            dataIndex: 'userId',
            render: (userId: string | null) =>
              userId === null ? '—' : (usernames.get(userId) ?? userId),
          },
        ]
      : []),
    {
      title: t('common.status'),
      key: 'status',
      render: (_value, key) => <ApiKeyStatusTag apiKey={key} now={now} />,
    },
    {
      title: t('apiKeys.today'),
      key: 'today',
      width: 160,
      render: (_value, key) =>
        key.dailyLimit === null ? (
          <span>
            {formatCount(key.requestsToday, i18n.language)} /{' '}
            <span title={t('common.unlimited')}>∞</span>
          </span>
        ) : (
          <Tooltip title={`${key.requestsToday} / ${key.dailyLimit}`}>
            <Progress
              size="small"
              percent={Math.min(100, (key.requestsToday / key.dailyLimit) * 100)}
              status={key.requestsToday >= key.dailyLimit ? 'exception' : 'normal'}
              format={() => `${key.requestsToday}/${key.dailyLimit}`}
            />
          </Tooltip>
        ),
    },
    {
      title: t('apiKeys.rateLimit'),
      dataIndex: 'rateLimitPerMinute',
      render: (value: number | null) => (value === null ? '∞' : `${value}/min`),
    },
    {
      title: t('apiKeys.allowedModels'),
      dataIndex: 'allowedModels',
      render: (models: string[] | null) =>
        models === null ? (
          <Typography.Text type="secondary">{t('common.allModels')}</Typography.Text>
        ) : (
          <Tooltip title={models.join(', ')}>
            <Tag>{t('common.modelCount', { count: models.length })}</Tag>
          </Tooltip>
        ),
    },
    {
      title: t('apiKeys.totals'),
      key: 'totals',
      render: (_value, key) => (
        <Tooltip
          title={t('apiKeys.tokensTooltip', {
            input: formatCount(key.totalInputTokens, i18n.language),
            output: formatCount(key.totalOutputTokens, i18n.language),
          })}
        >
          {formatCount(key.totalRequests, i18n.language, { compact: true })}
        </Tooltip>
      ),
    },
    {
      title: t('apiKeys.expiresAt'),
      dataIndex: 'expiresAt',
      render: (value: number | null) =>
        value === null ? t('common.never') : formatDateTime(value),
    },
    {
      title: t('common.lastUsed'),
      dataIndex: 'lastUsedAt',
      render: (value: number | null) => <RelativeTime value={value} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_value, key) => (
        <Space size={4}>
          <EnabledSwitch
            enabled={key.isActive}
            loading={update.isPending && update.variables.id === key.id}
            onChange={(isActive) => update.mutate({ id: key.id, patch: { isActive } })}
          />
          <RowActionButton
            label={t('common.edit')}
            icon={<EditOutlined />}
            onClick={() => editor.edit(key)}
          />
          <ConfirmDeleteButton
            title={t('apiKeys.deleteTitle')}
            description={t('apiKeys.deleteConfirm', { name: key.name })}
            onConfirm={() =>
              remove.mutate(key.id, { onSuccess: () => void message.success(t('apiKeys.deleted')) })
            }
          />
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.apiKeys')}
        description={t('apiKeys.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={editor.create}>
            {t('apiKeys.create')}
          </Button>
        }
      />
      <TableCard<ApiKey>
        rows={keys.data}
        columns={columns}
        loading={keys.isPending}
        pageSize={20}
        empty={
          <Empty description={t('apiKeys.empty')}>
            <Button type="primary" onClick={editor.create}>
              {t('apiKeys.create')}
            </Button>
          </Empty>
        }
      />
      <ApiKeyFormModal
        open={editor.open}
        editing={editor.editing}
        submitting={create.isPending || update.isPending}
        error={editor.editing === undefined ? create.error : null}
        onCancel={editor.close}
        onSubmit={(body) => {
          if (editor.editing === undefined) {
            create.mutate(body, {
              onSuccess: (key) => {
                editor.close();
                setCreated(key);
              },
            });
          } else {
            const { userId: _owner, ...patch } = body;
            update.mutate(
              { id: editor.editing.id, patch },
              {
                onSuccess: () => {
                  editor.close();
                  void message.success(t('common.saved'));
                },
              },
            );
          }
        }}
      />
      <CreatedKeyModal created={created} onClose={() => setCreated(undefined)} />
    </>
  );
}
