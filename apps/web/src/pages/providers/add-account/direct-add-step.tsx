import { Alert, Button, Flex } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../../api/api-error';
import type { ProviderInput } from '../../../api/api-types';
import { useCreateProvider } from '../../../api/use-providers';
import { ErrorAlert } from '../../../lib/error-alert';
import { AccountAdded } from './sign-in-outcome';

/** What the add form sends: a Kiro API key or any token object the server recognises. */
export type DirectCredentials = ProviderInput['credentials'];

/**
 * A credential pasted into a form and added with `POST /providers`; the server checks it against
 * Kiro first and answers why when it does not work. When the account is already stored, the admin
 * chooses to update it with this credential or to add it anyway.
 */
export function DirectAddStep(props: {
  onDone: () => void;
  form: (
    add: (credentials: DirectCredentials, name: { name?: string }) => void,
    adding: boolean,
  ) => ReactNode;
}) {
  const { t } = useTranslation();
  const create = useCreateProvider();
  const [sent, setSent] = useState<ProviderInput>();
  const send = (input: ProviderInput) => {
    setSent(input);
    create.mutate(input);
  };

  if (create.data !== undefined) {
    return (
      <AccountAdded
        account={create.data}
        updated={sent?.onDuplicate === 'update'}
        onAnother={() => create.reset()}
        onDone={props.onDone}
      />
    );
  }
  const duplicate = ApiError.isInstance(create.error) && create.error.code === 'duplicate';
  return (
    <>
      {duplicate && sent !== undefined ? (
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          <Alert type="warning" showIcon title={t('addAccount.direct.duplicate')} />
          <Flex gap={8} wrap justify="flex-end">
            <Button onClick={() => send({ ...sent, onDuplicate: 'create' })}>
              {t('addAccount.signIn.addAsNew')}
            </Button>
            <Button type="primary" onClick={() => send({ ...sent, onDuplicate: 'update' })}>
              {t('addAccount.direct.update')}
            </Button>
          </Flex>
        </Flex>
      ) : (
        <ErrorAlert error={create.error} />
      )}
      {props.form((credentials, name) => send({ ...name, credentials }), create.isPending)}
    </>
  );
}
