import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { User } from '../../api/api-types';

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
        <Form.Item
          name="password"
          label={t('password.new')}
          extra={t('password.policy')}
          rules={[
            { required: true, message: t('password.newRequired') },
            { min: 8, message: t('password.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                value === undefined || value === '' || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
