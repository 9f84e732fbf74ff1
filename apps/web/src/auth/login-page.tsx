import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';

import { ErrorAlert } from '../lib/error-alert';
import { AuthScreen } from './auth-screen';
import { safeNextPath } from './safe-next-path';
import { useLogin, useSession } from './use-session';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const login = useLogin();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));

  // Logged in (possibly with a password still to change): the gate at `next` takes over.
  if (user != null) return <Navigate to={next} replace />;

  return (
    <AuthScreen title="OctoProxy" subtitle={t('login.subtitle')}>
      <Form<LoginValues>
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => login.mutate(values)}
      >
        <ErrorAlert error={login.error} />
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, message: t('login.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('login.submit')}
        </Button>
      </Form>
    </AuthScreen>
  );
}
