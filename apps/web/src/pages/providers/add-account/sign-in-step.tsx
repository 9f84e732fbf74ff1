import type { ReactNode } from 'react';

import type { SignInInput } from '../../../api/api-types';
import { ErrorAlert } from '../../../lib/error-alert';
import { SignInSessionView } from './sign-in-session-view';
import { useSignInFlow } from './use-sign-in-flow';

/** A sign-in choice: its form until the server has a session, then the session. */
export function SignInStep(props: {
  providerName: string;
  onDone: () => void;
  form: (begin: (input: SignInInput) => void, starting: boolean) => ReactNode;
}) {
  const flow = useSignInFlow();
  if (flow.session !== undefined) {
    return (
      <SignInSessionView
        session={flow.session}
        providerName={props.providerName}
        onRestart={flow.restart}
        onDone={props.onDone}
      />
    );
  }
  return (
    <>
      <ErrorAlert error={flow.startError} />
      {props.form(flow.begin, flow.starting)}
    </>
  );
}
