import { Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { User } from '../../api/api-types';
import { NewPasswordField, RepeatPasswordField } from '../../auth/password-fields';

/** An admin sets a new password for someone else; their sessions end on the server. */
export function ResetPasswordModal(props: {
  user: User | undefined;
  submitting: boolean;
  onSubmit: (password: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  return (
    <Modal
      open={props.user !== undefined}
      title={t('users.resetPasswordTitle', { username: props.user?.username ?? '' })}
      okText={t('users.resetPassword')}
      okButtonProps={{ danger: true }}
      confirmLoading={props.submitting}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        props.onCancel();
      }}
      destroyOnHidden
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('users.resetPasswordHelp')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          props.onSubmit(values.password);
          form.resetFields();
        }}
      >
        <NewPasswordField name="password" label={t('password.new')} />
        <RepeatPasswordField name="confirm" repeats="password" />
      </Form>
    </Modal>
  );
}
