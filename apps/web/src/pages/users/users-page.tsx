import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { User } from '../../api/api-types';
import { useCreateUser, useDeleteUser, useUpdateUser, useUsers } from '../../api/use-users';
import { useCurrentUser } from '../../auth/use-session';
import { ConfirmDeleteButton } from '../../lib/confirm-delete-button';
import { EnabledSwitch } from '../../lib/enabled-switch';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../../lib/page-header';
import { RelativeTime } from '../../lib/relative-time';
import { RowActionButton } from '../../lib/row-action-button';
import { TableCard } from '../../lib/table-card';
import { useEditorModal } from '../../lib/use-editor-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { UserFormModal } from './user-form-modal';

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const users = useUsers();
  const create = useCreateUser();
  const update = useUpdateUser();
  const remove = useDeleteUser();
  const editor = useEditorModal<User>({ onClose: () => create.reset() });
  const [resetting, setResetting] = useState<User | undefined>();

  const columns: ColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      render: (username: string, user) => (
        <Space size={6}>
          <strong>{username}</strong>
          {user.id === me.id && <Tag>{t('users.you')}</Tag>}
          {user.mustChangePassword && <Tag color="orange">{t('users.mustChangePassword')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('users.role'),
      dataIndex: 'role',
      render: (role: User['role']) => (
        <Tag color={role === 'admin' ? 'gold' : 'blue'}>{t(`roles.${role}`)}</Tag>
      ),
    },
    {
      title: t('users.active'),
      dataIndex: 'isActive',
      render: (active: boolean, user) => (
        <EnabledSwitch
          enabled={active}
          disabled={user.id === me.id}
          onChange={(isActive) => update.mutate({ id: user.id, patch: { isActive } })}
        />
      ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (value: number | null) => <RelativeTime value={value} />,
    },
    {
      title: t('common.created'),
      dataIndex: 'createdAt',
      render: (value: number) => formatDateTime(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_value, user) => (
        <Space size={4}>
          <RowActionButton
            label={t('common.edit')}
            icon={<EditOutlined />}
            onClick={() => editor.edit(user)}
          />
          <RowActionButton
            label={t('users.resetPassword')}
            tooltip={user.id === me.id ? t('users.resetSelfDisabled') : t('users.resetPassword')}
            icon={<KeyOutlined />}
            disabled={user.id === me.id}
            onClick={() => setResetting(user)}
          />
          <ConfirmDeleteButton
            title={t('users.deleteTitle')}
            description={t('users.deleteConfirm', { username: user.username })}
            disabledReason={user.id === me.id ? t('users.cannotDeleteSelf') : undefined}
            onConfirm={() =>
              remove.mutate(user.id, { onSuccess: () => void message.success(t('users.deleted')) })
            }
          />
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        description={t('users.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={editor.create}>
            {t('users.create')}
          </Button>
        }
      />
      <TableCard<User>
        rows={users.data}
        columns={columns}
        loading={users.isPending}
        pageSize={50}
        empty={<Empty description={t('users.empty')} />}
      />
      <UserFormModal
        open={editor.open}
        editing={editor.editing}
        submitting={create.isPending || update.isPending}
        error={editor.editing === undefined ? create.error : null}
        onCancel={editor.close}
        onSubmit={(values) => {
          if (editor.editing === undefined) {
            create.mutate(values, {
              onSuccess: () => {
                editor.close();
                void message.success(t('users.created'));
              },
            });
          } else {
            const { password: _password, ...patch } = values;
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
      <ResetPasswordModal
        user={resetting}
        submitting={update.isPending}
        onCancel={() => setResetting(undefined)}
        onSubmit={(password) => {
          if (resetting === undefined) return;
          update.mutate(
            { id: resetting.id, patch: { password } },
            {
              onSuccess: () => {
                setResetting(undefined);
                void message.success(t('users.passwordReset'));
              },
            },
          );
        }}
      />
    </>
  );
}
