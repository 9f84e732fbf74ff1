import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../lib/error-alert';
import { NewPasswordField, RepeatPasswordField } from './password-fields';
import { useChangePassword } from './use-session';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Current password, new password twice; the server's policy message is shown inline. */
export function ChangePasswordForm(props: { onChanged?: () => void; submitLabel?: string }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [form] = Form.useForm<ChangePasswordValues>();

  const submit = (values: ChangePasswordValues) => {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          props.onChanged?.();
        },
      },
    );
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      <ErrorAlert error={change.error} />
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordField
        name="newPassword"
        label={t('password.new')}
        differentFrom="currentPassword"
      />
      <RepeatPasswordField name="confirmPassword" repeats="newPassword" />
      <Button type="primary" htmlType="submit" block loading={change.isPending}>
        {props.submitLabel ?? t('password.submit')}
      </Button>
    </Form>
  );
}
