import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { ApiKey } from '../../api/api-types';

export type ApiKeyState = 'active' | 'disabled' | 'expired';

export function apiKeyState(key: ApiKey, now: number): ApiKeyState {
  if (!key.isActive) return 'disabled';
  if (key.expiresAt !== null && key.expiresAt <= now) return 'expired';
  return 'active';
}

const colors: Record<ApiKeyState, string> = {
  active: 'green',
  disabled: 'default',
  expired: 'orange',
};

export function ApiKeyStatusTag(props: { apiKey: ApiKey; now: number }) {
  const { t } = useTranslation();
  const state = apiKeyState(props.apiKey, props.now);
  return <Tag color={colors[state]}>{t(`apiKeys.state.${state}`)}</Tag>;
}
