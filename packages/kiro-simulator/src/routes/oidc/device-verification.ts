import type { Exchange } from '../../http/exchange';
import { finish, writeHead } from '../../http/responses';
import type { SimulatorCore } from '../../simulator/simulator-core';

/**
 * `GET /device?user_code=…`: the page `verificationUriComplete` opens. Visiting it approves the flow,
 * as a user signing in would (useful in demo mode).
 */
export function deviceVerification(exchange: Exchange, core: SimulatorCore): void {
  const userCode = exchange.url.searchParams.get('user_code') ?? '';
  const flow = core.logins.flowByUserCode(userCode);
  const approved = flow !== undefined && flow.status === 'pending';
  if (approved) flow.status = 'approved';
  const text = approved
    ? `Request approved for code ${userCode}. You can close this window.`
    : `No pending request for code ${userCode}.`;
  writeHead(exchange, approved ? 200 : 404, { 'content-type': 'text/plain; charset=utf-8' });
  finish(exchange, text);
}
