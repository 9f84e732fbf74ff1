import { DownOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ChangePasswordForm } from '../auth/change-password-form';
import { useCurrentUser, useLogout } from '../auth/use-session';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const [changingPassword, setChangingPassword] = useState(false);

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'role',
              disabled: true,
              label: (
                <Tag color={user.role === 'admin' ? 'gold' : 'blue'}>{t(`roles.${user.role}`)}</Tag>
              ),
            },
            { type: 'divider' },
            {
              key: 'password',
              icon: <LockOutlined />,
              label: t('password.change'),
              onClick: () => setChangingPassword(true),
            },
            {
              key: 'logout',
              icon: <LogoutOutlined />,
              label: t('nav.logout'),
              onClick: () => logout.mutate(),
            },
          ],
        }}
      >
        <Button type="text">
          <Space size={6}>
            <Avatar size="small" icon={<UserOutlined />} />
            <span>{user.username}</span>
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
      <Modal
        title={t('password.change')}
        open={changingPassword}
        onCancel={() => setChangingPassword(false)}
        footer={null}
        destroyOnHidden
      >
        <ChangePasswordForm onChanged={() => setChangingPassword(false)} />
      </Modal>
    </>
  );
}
