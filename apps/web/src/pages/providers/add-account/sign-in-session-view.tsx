import { useState } from 'react';

import type { SignInSession } from '../../../api/api-types';
import { useCancelSignIn } from '../../../api/use-sign-in';
import { BrowserSignInPanel } from './browser-sign-in-panel';
import { DeviceCodePanel } from './device-code-panel';
import { AccountAdded, DuplicateDecision, SignInEnded } from './sign-in-outcome';
import { SignInRegions } from './sign-in-regions';

/** A running or finished sign-in, as the server reports it. */
export function SignInSessionView(props: {
  session: SignInSession;
  providerName: string;
  onRestart: () => void;
  onDone: () => void;
}) {
  const { session } = props;
  const cancel = useCancelSignIn();
  const [decision, setDecision] = useState<'update' | 'create' | 'discard'>();
  const onCancel = () => cancel.mutate(session.id);

  const body = (() => {
    switch (session.status) {
      case 'pending':
        return session.flow === 'device-code' ? (
          <DeviceCodePanel session={session} onCancel={onCancel} cancelling={cancel.isPending} />
        ) : (
          <BrowserSignInPanel
            session={session}
            providerName={props.providerName}
            onCancel={onCancel}
            cancelling={cancel.isPending}
          />
        );
      case 'awaiting-decision':
        return <DuplicateDecision session={session} onDecided={setDecision} />;
      case 'completed':
        return (
          <AccountAdded
            account={session.account}
            updated={decision === 'update'}
            onAnother={props.onRestart}
            onDone={props.onDone}
          />
        );
      default:
        return (
          <SignInEnded
            session={session}
            discarded={decision === 'discard'}
            onRestart={props.onRestart}
          />
        );
    }
  })();

  return (
    <>
      {body}
      <SignInRegions session={session} />
    </>
  );
}
