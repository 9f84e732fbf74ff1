import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { useCurrentUser } from './use-session';

/** Admin pages: other users see a 403 result instead of a page of failing calls. */
export function AdminOnly(props: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (user.role !== 'admin') {
    return <Result status="403" title="403" subTitle={t('errors.adminOnly')} />;
  }
  return props.children;
}
