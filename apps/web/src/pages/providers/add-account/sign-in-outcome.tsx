import { Alert, Button, Descriptions, Flex, Result, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { SignInSession } from '../../../api/api-types';
import { useResolveSignIn } from '../../../api/use-sign-in';
import { ErrorAlert } from '../../../lib/error-alert';

type Decision = 'update' | 'create' | 'discard';

/** A sign-in that matches an account already stored: the admin decides what to keep. */
export function DuplicateDecision(props: {
  session: SignInSession;
  onDecided: (decision: Decision) => void;
}) {
  const { t } = useTranslation();
  const resolve = useResolveSignIn();
  const existing = props.session.duplicateOf?.name ?? '';
  const decide = (action: Decision) =>
    resolve.mutate({ id: props.session.id, action }, { onSuccess: () => props.onDecided(action) });
  const busy = (action: Decision) => resolve.isPending && resolve.variables?.action === action;
  return (
    <Flex vertical gap={12}>
      <Alert
        type="warning"
        showIcon
        title={t('addAccount.signIn.duplicateTitle', { name: existing })}
        description={t('addAccount.signIn.duplicateHelp')}
      />
      <ErrorAlert error={resolve.error} />
      <Flex gap={8} wrap justify="flex-end">
        <Button onClick={() => decide('discard')} loading={busy('discard')}>
          {t('addAccount.signIn.discard')}
        </Button>
        <Button onClick={() => decide('create')} loading={busy('create')}>
          {t('addAccount.signIn.addAsNew')}
        </Button>
        <Button type="primary" onClick={() => decide('update')} loading={busy('update')}>
          {t('addAccount.signIn.updateExisting', { name: existing })}
        </Button>
      </Flex>
    </Flex>
  );
}

/** The account a finished sign-in or add created or refreshed. */
export function AccountAdded(props: {
  account: { name: string; email: string | null; plan: string | null } | null;
  updated: boolean;
  onAnother: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { account } = props;
  return (
    <Result
      status="success"
      title={t(props.updated ? 'addAccount.signIn.updated' : 'addAccount.signIn.added')}
      subTitle={account?.name}
      extra={[
        <Button key="another" onClick={props.onAnother}>
          {t('addAccount.addAnother')}
        </Button>,
        <Button key="done" type="primary" onClick={props.onDone}>
          {t('addAccount.done')}
        </Button>,
      ]}
    >
      {account !== null && (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'name', label: t('providers.name'), children: account.name },
            { key: 'email', label: t('providers.email'), children: account.email ?? '—' },
            {
              key: 'plan',
              label: t('providers.plan'),
              children: account.plan === null ? '—' : <Tag color="purple">{account.plan}</Tag>,
            },
          ]}
        />
      )}
    </Result>
  );
}

/** Expired, denied, cancelled or failed: what happened, and a way to start over. */
export function SignInEnded(props: {
  session: SignInSession;
  discarded: boolean;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const { status, error } = props.session;
  const message = props.discarded
    ? t('addAccount.signIn.discarded')
    : t(`addAccount.signIn.status.${status}`);
  return (
    <Flex vertical gap={12}>
      <Alert
        type={props.discarded || status === 'cancelled' ? 'info' : 'error'}
        showIcon
        role="alert"
        title={message}
        description={error ?? undefined}
      />
      <Flex justify="flex-end">
        <Button type="primary" onClick={props.onRestart}>
          {t('addAccount.tryAgain')}
        </Button>
      </Flex>
    </Flex>
  );
}
