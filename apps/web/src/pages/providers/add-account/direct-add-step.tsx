import type { ReactNode } from 'react';

import type { ProviderInput } from '../../../api/api-types';
import { useCreateProvider } from '../../../api/use-providers';
import { ErrorAlert } from '../../../lib/error-alert';
import { AccountAdded } from './sign-in-outcome';

/** What the add form sends: a Kiro API key or any token object the server recognises. */
export type DirectCredentials = ProviderInput['credentials'];

/**
 * A credential pasted into a form and added with `POST /providers`; the server checks it against
 * Kiro first and answers why when it does not work.
 */
export function DirectAddStep(props: {
  onDone: () => void;
  form: (
    add: (credentials: DirectCredentials, name: { name?: string }) => void,
    adding: boolean,
  ) => ReactNode;
}) {
  const create = useCreateProvider();
  if (create.data !== undefined) {
    return (
      <AccountAdded
        account={create.data}
        updated={false}
        onAnother={() => create.reset()}
        onDone={props.onDone}
      />
    );
  }
  return (
    <>
      <ErrorAlert error={create.error} />
      {props.form(
        (credentials, name) => create.mutate({ ...name, credentials: credentials }),
        create.isPending,
      )}
    </>
  );
}
