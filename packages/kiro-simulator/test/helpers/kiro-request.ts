import { randomUUID } from 'node:crypto';

import type { SimulatedAccount } from '../../src/index';

/** The headers a Kiro IDE-style client sends on API calls (kiro-protocol.md §1.3–1.4). */
export function kiroHeaders(accessToken: string): Record<string, string> {
  const machineId = 'a'.repeat(64);
  return {
    authorization: `Bearer ${accessToken}`,
    'content-type': 'application/json',
    'amz-sdk-invocation-id': randomUUID(),
    'amz-sdk-request': 'attempt=1; max=3',
    'x-amzn-kiro-agent-mode': 'vibe',
    'x-amz-user-agent': `aws-sdk-js/1.0.34 KiroIDE-0.11.107-${machineId}`,
    'user-agent': `aws-sdk-js/1.0.34 ua/2.1 os/linux#6.8 lang/js md/nodejs#20.20.2 api/codewhispererstreaming#1.0.34 m/E KiroIDE-0.11.107-${machineId}`,
  };
}

/** A minimal valid chat body for `account` saying `content`. */
export function chatBody(
  account: Pick<SimulatedAccount, 'profileArn' | 'authMethod'>,
  content: string,
  extra: { modelId?: string } = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    conversationState: {
      chatTriggerType: 'MANUAL',
      conversationId: randomUUID(),
      currentMessage: {
        userInputMessage: {
          content,
          modelId: extra.modelId ?? 'claude-sonnet-4.5',
          origin: 'AI_EDITOR',
        },
      },
    },
  };
  if (account.authMethod !== 'builder-id' && account.profileArn !== undefined) {
    body['profileArn'] = account.profileArn;
  }
  return body;
}

/** POSTs a chat body to the account's API region of `sim`. */
export function postChat(options: {
  apiUrl: string;
  account: SimulatedAccount;
  body: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}): Promise<Response> {
  const url = `${options.apiUrl.replace('{region}', options.account.region)}/generateAssistantResponse`;
  return fetch(url, {
    method: 'POST',
    headers: { ...kiroHeaders(options.account.credentials.accessToken), ...options.headers },
    body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
}
