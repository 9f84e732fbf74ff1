import {
  CloudServerOutlined,
  CodeOutlined,
  DashboardOutlined,
  KeyOutlined,
  ProfileOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

import type { UserRole } from '../api/api-types';

export type NavKey =
  'dashboard' | 'providers' | 'apiKeys' | 'users' | 'logs' | 'settings' | 'integration';

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  adminOnly: boolean;
}

/** The sidebar, in order. Admin-only pages are hidden from other users. */
export const navItems: readonly NavItem[] = [
  { key: 'dashboard', path: '/dashboard', icon: <DashboardOutlined />, adminOnly: false },
  { key: 'providers', path: '/providers', icon: <CloudServerOutlined />, adminOnly: true },
  { key: 'apiKeys', path: '/api-keys', icon: <KeyOutlined />, adminOnly: false },
  { key: 'logs', path: '/logs', icon: <ProfileOutlined />, adminOnly: false },
  { key: 'users', path: '/users', icon: <TeamOutlined />, adminOnly: true },
  { key: 'settings', path: '/settings', icon: <SettingOutlined />, adminOnly: true },
  { key: 'integration', path: '/integration', icon: <CodeOutlined />, adminOnly: false },
];

export function visibleNavItems(role: UserRole): NavItem[] {
  return navItems.filter((item) => role === 'admin' || !item.adminOnly);
}
