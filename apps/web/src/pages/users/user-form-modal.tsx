import { Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import type { User, UserInput, UserRole } from '../../api/api-types';
import { NewPasswordField } from '../../auth/password-fields';
import { ErrorAlert } from '../../lib/error-alert';
import type { EditorModalProps } from '../../lib/use-editor-modal';

interface UserFormValues {
  username: string;
  password?: string;
  role: UserRole;
  isActive: boolean;
}

/** Create a user (with a password) or edit one's name, role and state. */
export function UserFormModal(props: EditorModalProps<User, UserInput>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserFormValues>();
  const creating = props.editing === undefined;

  useEffect(() => {
    if (!props.open) return;
    form.setFieldsValue({
      username: props.editing?.username ?? '',
      password: '',
      role: props.editing?.role ?? 'user',
      isActive: props.editing?.isActive ?? true,
    });
  }, [form, props.open, props.editing]);

  return (
    <Modal
      open={props.open}
      title={creating ? t('users.create') : t('users.edit')}
      okText={creating ? t('users.createSubmit') : t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={props.submitting}
      onCancel={props.onCancel}
      forceRender
    >
      <ErrorAlert error={props.error} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) =>
          props.onSubmit({
            username: values.username.trim(),
            password: values.password ?? '',
            role: values.role,
            isActive: values.isActive,
          })
        }
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            { required: true, whitespace: true, message: t('users.usernameRequired') },
            { max: 64, message: t('validation.maxLength', { count: 64 }) },
          ]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        {creating && (
          <>
            <NewPasswordField name="password" label={t('users.password')} />
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
              {t('users.firstLoginHelp')}
            </Typography.Paragraph>
          </>
        )}
        <Form.Item name="role" label={t('users.role')}>
          <Select
            options={(['user', 'admin'] as const).map((role) => ({
              value: role,
              label: t(`roles.${role}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="isActive" label={t('users.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
