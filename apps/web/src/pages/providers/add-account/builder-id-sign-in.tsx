import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';

import { NameField, optionalName } from './name-field';
import { SignInStep } from './sign-in-step';

/** AWS Builder ID by device code (its SSO region is always us-east-1). */
export function BuilderIdSignIn(props: { onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <SignInStep
      providerName="AWS Builder ID"
      onDone={props.onDone}
      form={(begin, starting) => (
        <Form<{ name?: string }>
          name="builder-id-sign-in"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => begin({ method: 'builder-id', ...optionalName(values.name) })}
        >
          <NameField />
          <Button type="primary" htmlType="submit" loading={starting} block>
            {t('addAccount.signIn.startBuilderId')}
          </Button>
        </Form>
      )}
    />
  );
}
