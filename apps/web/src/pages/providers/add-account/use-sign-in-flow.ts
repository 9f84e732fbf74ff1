import { useEffect, useRef, useState } from 'react';

import type { SignInInput } from '../../../api/api-types';
import { useCancelSignIn, useSignInSession, useStartSignIn } from '../../../api/use-sign-in';

/**
 * One sign-in from the form to its outcome: start it, follow the session the server keeps, and
 * cancel it when the dialog goes away while it is still waiting.
 */
export function useSignInFlow() {
  const start = useStartSignIn();
  const cancel = useCancelSignIn();
  const [id, setId] = useState<string>();
  const session = useSignInSession(id);

  const stillPending = useRef<{ id: string; cancel: (id: string) => void }>(undefined);
  useEffect(() => {
    stillPending.current =
      session.data?.status === 'pending'
        ? { id: session.data.id, cancel: cancel.mutate }
        : undefined;
  });
  useEffect(
    () => () => {
      const pending = stillPending.current;
      if (pending !== undefined) pending.cancel(pending.id);
    },
    [],
  );

  return {
    begin: (input: SignInInput) =>
      start.mutate(input, { onSuccess: (created) => setId(created.id) }),
    starting: start.isPending,
    startError: start.error,
    session: id === undefined ? undefined : session.data,
    restart: () => {
      setId(undefined);
      start.reset();
    },
  };
}
