import {
  DeleteOutlined,
  EditOutlined,
  HeartOutlined,
  MoreOutlined,
  UndoOutlined,
  ReloadOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Provider } from '../../api/api-types';
import {
  useDeleteProvider,
  useProviderAction,
  useUpdateProvider,
  type ProviderAction,
} from '../../api/use-providers';
import { EnabledSwitch } from '../../lib/enabled-switch';
import { formatDateTime } from '../../lib/format';
import { RowActionButton } from '../../lib/row-action-button';
import { providerStatus } from './provider-status';

/** The row's actions: health check, refresh token/usage, enable/disable, edit, delete. */
export function ProviderActions(props: {
  provider: Provider;
  now: number;
  onEdit: (provider: Provider) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { provider } = props;
  const action = useProviderAction();
  const needsReset = ['cooling', 'quarantined', 'recovering', 'unhealthy'].includes(
    providerStatus(provider, props.now),
  );
  const update = useUpdateProvider();
  const remove = useDeleteProvider();
  const busy = (name: ProviderAction) =>
    action.isPending && action.variables.id === provider.id && action.variables.action === name;

  const run = (name: ProviderAction) =>
    action.mutate(
      { id: provider.id, action: name },
      {
        onSuccess: (result) => {
          switch (result.action) {
            case 'healthCheck':
              if (result.healthy)
                void message.success(t('providers.healthy', { name: provider.name }));
              else
                void message.error(
                  t('providers.unhealthy', { name: provider.name, error: result.error ?? '' }),
                );
              return;
            case 'refreshToken':
              void message.success(
                t('providers.tokenRefreshed', {
                  time: result.expiresAt === null ? '—' : formatDateTime(result.expiresAt),
                }),
              );
              return;
            case 'refreshUsage':
              void message.success(t('providers.usageRefreshed'));
              return;
            case 'resetState':
              void message.success(t('providers.stateReset', { name: provider.name }));
              return;
          }
        },
      },
    );

  const confirmDelete = () => {
    void modal.confirm({
      title: t('providers.deleteTitle'),
      content: t('providers.deleteConfirm', { name: provider.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutate(provider.id, {
          onSuccess: () => void message.success(t('providers.deleted')),
        }),
    });
  };

  return (
    <Space size={4}>
      <EnabledSwitch
        enabled={!provider.isDisabled}
        loading={update.isPending}
        onChange={(enabled) => update.mutate({ id: provider.id, patch: { isDisabled: !enabled } })}
      />
      <RowActionButton
        label={t('providers.healthCheck')}
        icon={<HeartOutlined />}
        loading={busy('healthCheck')}
        onClick={() => run('healthCheck')}
      />
      <RowActionButton
        label={t('common.edit')}
        icon={<EditOutlined />}
        onClick={() => props.onEdit(provider)}
      />
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'refreshToken',
              icon: <SyncOutlined spin={busy('refreshToken')} />,
              label: t('providers.refreshToken'),
              onClick: () => run('refreshToken'),
            },
            {
              key: 'refreshUsage',
              icon: <ReloadOutlined spin={busy('refreshUsage')} />,
              label: t('providers.refreshUsage'),
              onClick: () => run('refreshUsage'),
            },
            {
              key: 'resetState',
              icon: <UndoOutlined />,
              label: t('providers.resetState'),
              disabled: !needsReset,
              onClick: () => run('resetState'),
            },
            { type: 'divider' },
            {
              key: 'delete',
              icon: <DeleteOutlined />,
              danger: true,
              label: t('common.delete'),
              onClick: confirmDelete,
            },
          ],
        }}
      >
        <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('common.more')} />
      </Dropdown>
    </Space>
  );
}
