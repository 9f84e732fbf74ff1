import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

import { AuthScreen } from './auth-screen';
import { ChangePasswordForm } from './change-password-form';
import { useLogout } from './use-session';

/** Shown instead of everything else while the server says `mustChangePassword`. */
export function ForcedPasswordChange(props: { username: string }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <AuthScreen
      title={t('password.forcedTitle')}
      subtitle={t('password.forcedSubtitle', { username: props.username })}
    >
      <ChangePasswordForm submitLabel={t('password.forcedSubmit')} />
      <Button type="link" block style={{ marginTop: 8 }} onClick={() => logout.mutate()}>
        {t('nav.logout')}
      </Button>
    </AuthScreen>
  );
}
