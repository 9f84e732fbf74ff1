import { Switch, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** A row's on/off switch, named after what flipping it would do. */
export function EnabledSwitch(props: {
  enabled: boolean;
  onChange: (enabled: boolean) => void;
  loading?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const action = props.enabled ? t('common.disable') : t('common.enable');
  return (
    <Tooltip title={action}>
      <Switch
        size="small"
        checked={props.enabled}
        loading={props.loading}
        disabled={props.disabled}
        aria-label={action}
        onChange={props.onChange}
      />
    </Tooltip>
  );
}
