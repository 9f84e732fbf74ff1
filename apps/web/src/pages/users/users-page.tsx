import { DeleteOutlined, EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, Switch, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { User } from '../../api/api-types';
import { useCreateUser, useDeleteUser, useUpdateUser, useUsers } from '../../api/use-users';
import { useCurrentUser } from '../../auth/use-session';
import { formatDateTime, formatRelative } from '../../lib/format';
import { PageHeader } from '../../lib/page-header';
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
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<User | undefined>();
  const [resetting, setResetting] = useState<User | undefined>();

  const closeForm = () => {
    setFormOpen(false);
    setEditing(undefined);
    create.reset();
  };

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
        <Switch
          size="small"
          checked={active}
          disabled={user.id === me.id}
          aria-label={active ? t('common.disable') : t('common.enable')}
          onChange={(checked) => update.mutate({ id: user.id, patch: { isActive: checked } })}
        />
      ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (value: number | null) => (
        <Tooltip title={formatDateTime(value)}>
          {value === null ? t('common.never') : formatRelative(value)}
        </Tooltip>
      ),
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
          <Tooltip title={t('common.edit')}>
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              onClick={() => {
                setEditing(user);
                setFormOpen(true);
              }}
            />
          </Tooltip>
          <Tooltip title={t('users.resetPassword')}>
            <Button
              type="text"
              size="small"
              icon={<KeyOutlined />}
              aria-label={t('users.resetPassword')}
              onClick={() => setResetting(user)}
            />
          </Tooltip>
          <Popconfirm
            title={t('users.deleteTitle')}
            description={t('users.deleteConfirm', { username: user.username })}
            okText={t('common.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            disabled={user.id === me.id}
            onConfirm={() =>
              remove.mutate(user.id, { onSuccess: () => void message.success(t('users.deleted')) })
            }
          >
            <Tooltip title={user.id === me.id ? t('users.cannotDeleteSelf') : t('common.delete')}>
              <Button
                type="text"
                size="small"
                danger
                disabled={user.id === me.id}
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
              />
            </Tooltip>
          </Popconfirm>
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
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)}>
            {t('users.create')}
          </Button>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<User>
          rowKey="id"
          size="middle"
          loading={users.isPending}
          dataSource={users.data ?? []}
          columns={columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('users.empty')} /> }}
        />
      </Card>
      <UserFormModal
        open={formOpen}
        editing={editing}
        submitting={create.isPending || update.isPending}
        error={editing === undefined ? create.error : null}
        onCancel={closeForm}
        onSubmit={(values) => {
          if (editing === undefined) {
            create.mutate(values, {
              onSuccess: () => {
                closeForm();
                void message.success(t('users.created'));
              },
            });
          } else {
            const { password: _password, ...patch } = values;
            update.mutate(
              { id: editing.id, patch },
              {
                onSuccess: () => {
                  closeForm();
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
