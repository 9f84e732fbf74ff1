import { Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { ForcedPasswordChange } from './forced-password-change';
import { useSession } from './use-session';

/** Lets a logged-in user through; sends others to login; forces a password change first. */
export function SessionGate(props: { children: ReactNode }) {
  const { user, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (user == null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (user.mustChangePassword) return <ForcedPasswordChange username={user.username} />;
  return props.children;
}
