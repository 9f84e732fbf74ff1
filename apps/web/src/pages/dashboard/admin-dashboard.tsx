import {
  CheckCircleOutlined,
  CloudServerOutlined,
  FieldTimeOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Col, Row, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { useProviders } from '../../api/use-providers';
import { useNow } from '../../lib/use-now';
import { providerStatus } from '../providers/provider-status';
import type { RangeWindow } from './dashboard-range';
import { StatCard } from './stat-card';
import { TrafficOverview } from './traffic-overview';

/** Pool health, keys and traffic for the whole gateway. */
export function AdminDashboard(props: { window: RangeWindow }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const now = useNow(30_000);
  const providers = useProviders();

  const accounts = useMemo(() => {
    const counts = { total: 0, healthy: 0, cooling: 0, unhealthy: 0, disabled: 0 };
    for (const provider of providers.data ?? []) {
      counts.total += 1;
      switch (providerStatus(provider, now)) {
        case 'healthy':
          counts.healthy += 1;
          break;
        case 'cooling':
        case 'recovering':
          counts.cooling += 1;
          break;
        case 'unhealthy':
        case 'needsSignIn':
        case 'quarantined':
          counts.unhealthy += 1;
          break;
        case 'disabled':
          counts.disabled += 1;
          break;
      }
    }
    return counts;
  }, [providers.data, now]);

  const loading = providers.isPending;

  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <StatCard
            title={t('dashboard.cards.accounts')}
            icon={<CloudServerOutlined />}
            value={accounts.total}
            loading={loading}
            detail={t('dashboard.cards.accountsDetail', { disabled: String(accounts.disabled) })}
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('dashboard.cards.healthy')}
            icon={<CheckCircleOutlined />}
            value={accounts.healthy}
            valueColor={token.colorSuccess}
            loading={loading}
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('dashboard.cards.cooling')}
            icon={<FieldTimeOutlined />}
            value={accounts.cooling}
            valueColor={accounts.cooling > 0 ? token.colorWarning : undefined}
            loading={loading}
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('dashboard.cards.unhealthy')}
            icon={<WarningOutlined />}
            value={accounts.unhealthy}
            valueColor={accounts.unhealthy > 0 ? token.colorError : undefined}
            loading={loading}
          />
        </Col>
      </Row>
      <TrafficOverview window={props.window} keysTitle={t('dashboard.cards.apiKeys')} />
    </>
  );
}
