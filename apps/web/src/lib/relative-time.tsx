import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import { formatDateTime, formatRelative } from './format';

/** "3 minutes ago" (or "never"), with the exact time on hover. */
export function RelativeTime(props: { value: number | null }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={formatDateTime(props.value)}>
      {props.value === null ? t('common.never') : formatRelative(props.value)}
    </Tooltip>
  );
}
