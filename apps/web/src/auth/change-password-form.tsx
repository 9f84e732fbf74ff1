import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

import { describeError } from '../lib/describe-error';
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
      {change.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={describeError(change.error, t)}
        />
      )}
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.policy')}
        rules={[
          { required: true, message: t('password.newRequired') },
          { min: 8, message: t('password.tooShort') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              value !== undefined && value !== '' && value === getFieldValue('currentPassword')
                ? Promise.reject(new Error(t('password.sameAsCurrent')))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              value === undefined || value === '' || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={change.isPending}>
        {props.submitLabel ?? t('password.submit')}
      </Button>
    </Form>
  );
}
