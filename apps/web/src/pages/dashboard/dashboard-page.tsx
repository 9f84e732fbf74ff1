import { Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useCurrentUser } from '../../auth/use-session';
import { PageHeader } from '../../lib/page-header';
import { AdminDashboard } from './admin-dashboard';
import { rangeWindow, type DashboardRange } from './dashboard-range';
import { UserDashboard } from './user-dashboard';

export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [range, setRange] = useState<DashboardRange>('24h');
  // Recomputed when the range changes; within a bucket the query key (and cache) stays the same.
  const window = useMemo(() => rangeWindow(range), [range]);

  return (
    <>
      <PageHeader
        title={t('nav.dashboard')}
        description={
          user.role === 'admin' ? t('dashboard.descriptionAdmin') : t('dashboard.descriptionUser')
        }
        extra={
          <Segmented<DashboardRange>
            value={range}
            onChange={setRange}
            options={[
              { value: '24h', label: t('dashboard.range.24h') },
              { value: '7d', label: t('dashboard.range.7d') },
              { value: '30d', label: t('dashboard.range.30d') },
            ]}
          />
        }
      />
      {user.role === 'admin' ? (
        <AdminDashboard window={window} />
      ) : (
        <UserDashboard window={window} />
      )}
    </>
  );
}
