import { DeleteOutlined } from '@ant-design/icons';
import { Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';

import { RowActionButton } from './row-action-button';

/** A row's delete button that asks first; `disabledReason` greys it out and says why. */
export function ConfirmDeleteButton(props: {
  title: string;
  description: string;
  onConfirm: () => void;
  disabledReason?: string | undefined;
}) {
  const { t } = useTranslation();
  const disabled = props.disabledReason !== undefined;
  return (
    <Popconfirm
      title={props.title}
      description={props.description}
      okText={t('common.delete')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      disabled={disabled}
      onConfirm={props.onConfirm}
    >
      <RowActionButton
        label={t('common.delete')}
        tooltip={props.disabledReason}
        icon={<DeleteOutlined />}
        danger
        disabled={disabled}
      />
    </Popconfirm>
  );
}
