import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Menu, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';

import { useCurrentUser } from '../auth/use-session';
import { BrandMark } from './brand-mark';
import { LanguageToggle } from './language-toggle';
import { visibleNavItems } from './nav-items';
import { ThemeToggle } from './theme-toggle';
import { UserMenu } from './user-menu';

const siderWidth = 216;

/** Sidebar + header shell. On narrow screens the sidebar folds away completely. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = screens.lg === false;
  const [collapsed, setCollapsed] = useState(false);
  const folded = narrow ? !collapsed : collapsed;

  const items = visibleNavItems(user.role);
  const selected = items.find((item) => location.pathname.startsWith(item.path))?.key;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={siderWidth}
        collapsible
        collapsed={folded}
        collapsedWidth={narrow ? 0 : 64}
        trigger={null}
        className="app-sider"
      >
        <Flex align="center" gap={10} className="app-brand">
          <BrandMark size={28} />
          {!folded && <span className="app-brand-name">OctoProxy</span>}
        </Flex>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected === undefined ? [] : [selected]}
          items={items.map((item) => ({
            key: item.key,
            icon: item.icon,
            label: t(`nav.${item.key}`),
            onClick: () => {
              void navigate(item.path);
              if (narrow) setCollapsed(false);
            },
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Flex align="center" gap={8}>
            <Button
              type="text"
              aria-label={t('layout.toggleSidebar')}
              icon={folded ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed((value) => !value)}
            />
            <Typography.Text strong className="app-header-title">
              {selected === undefined ? '' : t(`nav.${selected}`)}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={4}>
            <ThemeToggle />
            <LanguageToggle />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
