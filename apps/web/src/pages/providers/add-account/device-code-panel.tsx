import { Button, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { SignInSession } from '../../../api/api-types';
import { formatRelative } from '../../../lib/format';
import { useOpenOnce } from './use-open-once';

/** A device-code sign-in waiting for approval: the code, where to enter it, and the pace. */
export function DeviceCodePanel(props: {
  session: SignInSession;
  onCancel: () => void;
  cancelling: boolean;
}) {
  const { t } = useTranslation();
  const { session } = props;
  const link = session.verificationUriComplete ?? session.verificationUri;
  useOpenOnce(link);
  return (
    <Flex vertical gap={12} align="center" style={{ textAlign: 'center' }}>
      <Typography.Text type="secondary">{t('addAccount.signIn.userCode')}</Typography.Text>
      {session.userCode !== null && (
        <Typography.Text
          copyable={{ text: session.userCode }}
          className="mono"
          aria-label={t('addAccount.signIn.userCode')}
          style={{ fontSize: 32, fontWeight: 600, letterSpacing: 4 }}
        >
          {session.userCode}
        </Typography.Text>
      )}
      <Typography.Text>{t('addAccount.signIn.userCodeHelp')}</Typography.Text>
      {link !== null && (
        <Button type="primary" href={link} target="_blank" rel="noopener noreferrer">
          {t('addAccount.signIn.openVerification')}
        </Button>
      )}
      {link !== null && (
        <Typography.Text
          type="secondary"
          className="mono"
          style={{ wordBreak: 'break-all', fontSize: 12 }}
        >
          {link}
        </Typography.Text>
      )}
      <Flex gap={8} align="center" role="status">
        <Spin size="small" />
        <Typography.Text>{t('addAccount.signIn.waiting')}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {session.pollIntervalSeconds !== null &&
          t('addAccount.signIn.pace', { count: session.pollIntervalSeconds })}{' '}
        {t('addAccount.signIn.expiresAt', { time: formatRelative(session.expiresAt) })}
      </Typography.Text>
      <Button onClick={props.onCancel} loading={props.cancelling}>
        {t('addAccount.signIn.cancel')}
      </Button>
    </Flex>
  );
}
