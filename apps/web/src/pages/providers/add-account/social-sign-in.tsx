import { Alert, Button, Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

import { useSignInCapabilities } from '../../../api/use-sign-in';
import { NameField, optionalName } from './name-field';
import { SignInStep } from './sign-in-step';

interface SocialValues {
  name?: string;
  callbackMode: 'loopback' | 'paste';
}

/** Google or GitHub through Kiro's own login page (PKCE). */
export function SocialSignIn(props: { provider: 'Google' | 'Github'; onDone: () => void }) {
  const { t } = useTranslation();
  const capabilities = useSignInCapabilities();
  const providerName = props.provider === 'Github' ? 'GitHub' : 'Google';
  const loopback = capabilities.data?.loopbackCallback === true;
  return (
    <SignInStep
      providerName={providerName}
      onDone={props.onDone}
      form={(begin, starting) => (
        <Form<SocialValues>
          name="social-sign-in"
          layout="vertical"
          requiredMark={false}
          initialValues={{ callbackMode: loopback ? 'loopback' : 'paste' }}
          key={loopback ? 'loopback' : 'paste'}
          onFinish={(values) =>
            begin({
              method: 'social',
              provider: props.provider,
              callbackMode: loopback ? values.callbackMode : 'paste',
              ...optionalName(values.name),
            })
          }
        >
          <NameField />
          {loopback ? (
            <Form.Item name="callbackMode" label={t('addAccount.signIn.callbackMode')}>
              <Radio.Group
                options={[
                  { value: 'loopback', label: t('addAccount.signIn.callbackLoopback') },
                  { value: 'paste', label: t('addAccount.signIn.callbackPaste') },
                ]}
              />
            </Form.Item>
          ) : (
            capabilities.data !== undefined && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('addAccount.signIn.loopbackUnavailable', {
                  reason: capabilities.data.reason,
                })}
              />
            )
          )}
          <Button
            type="primary"
            htmlType="submit"
            loading={starting || capabilities.isPending}
            block
          >
            {t('addAccount.signIn.startSocial', { provider: providerName })}
          </Button>
        </Form>
      )}
    />
  );
}
