import type { SecretBox } from '@octoproxy/auth';

import type { SignInSecrets } from './sign-in-session';

/** Secrets of session `id` are bound to it: a ciphertext moved to another row does not open. */
function associatedData(sessionId: string): string {
  return `oauth-session:${sessionId}:secrets`;
}

export function sealSignInSecrets(
  box: SecretBox,
  sessionId: string,
  secrets: SignInSecrets,
): string {
  return box.seal(JSON.stringify(secrets), associatedData(sessionId));
}

export function openSignInSecrets(
  box: SecretBox,
  sessionId: string,
  sealed: string | undefined,
): SignInSecrets {
  if (sealed === undefined) return {};
  return JSON.parse(box.open(sealed, associatedData(sessionId))) as SignInSecrets;
}
