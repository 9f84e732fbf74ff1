import { Alert, Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

import type { SignInSession } from '../../../api/api-types';
import { useFinishSignIn } from '../../../api/use-sign-in';
import { ErrorAlert } from '../../../lib/error-alert';
import { useOpenOnce } from './use-open-once';

/** Whether the pasted text can be a sign-in's final address (the server checks the state). */
export function looksLikeCallback(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (
      url.searchParams.has('state') &&
      (url.searchParams.has('code') || url.searchParams.has('error'))
    );
  } catch {
    return false;
  }
}

/**
 * A sign-in in the admin's browser (Google, GitHub, IdC authorization code): the page to open, and
 * either the server finishing by itself or a field for the address the browser ended on.
 */
export function BrowserSignInPanel(props: {
  session: SignInSession;
  providerName: string;
  onCancel: () => void;
  cancelling: boolean;
}) {
  const { t } = useTranslation();
  const { session } = props;
  const finish = useFinishSignIn();
  const [form] = Form.useForm<{ url: string }>();
  useOpenOnce(session.authUrl);
  const loopback = session.callbackMode === 'loopback';

  return (
    <Flex vertical gap={12}>
      {session.authUrl !== null && (
        <Button
          type="primary"
          href={session.authUrl}
          target="_blank"
          rel="noopener noreferrer"
          block
        >
          {t('addAccount.signIn.openPage', { provider: props.providerName })}
        </Button>
      )}
      <Alert
        type="info"
        showIcon
        title={t(
          loopback ? 'addAccount.signIn.loopbackExplained' : 'addAccount.signIn.pasteExplained',
        )}
      />
      <ErrorAlert error={finish.error} />
      <Form
        name="sign-in-callback"
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => finish.mutate({ id: session.id, url: values.url.trim() })}
      >
        <Form.Item
          name="url"
          label={t('addAccount.signIn.pasteLabel')}
          extra={loopback ? t('addAccount.signIn.pasteLoopbackFallback') : undefined}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                value !== undefined && looksLikeCallback(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('addAccount.signIn.pasteInvalid'))),
            },
          ]}
        >
          <Input
            className="mono"
            autoComplete="off"
            spellCheck={false}
            placeholder="kiro://kiro.kiroAgent/authenticate-success?code=…&state=…"
          />
        </Form.Item>
        <Flex gap={8} wrap justify="flex-end">
          <Button onClick={props.onCancel} loading={props.cancelling}>
            {t('addAccount.signIn.cancel')}
          </Button>
          <Button
            type={loopback ? 'default' : 'primary'}
            htmlType="submit"
            loading={finish.isPending}
          >
            {t('addAccount.signIn.pasteSubmit')}
          </Button>
        </Flex>
      </Form>
    </Flex>
  );
}
