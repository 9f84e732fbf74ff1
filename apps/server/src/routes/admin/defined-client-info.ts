import { clientInfo } from '../../http/client-info';

/** Client info without undefined members (the auth options are exact optional properties). */
export function definedClientInfo(c: Parameters<typeof clientInfo>[0]): {
  ip?: string;
  userAgent?: string;
} {
  const { ip, userAgent } = clientInfo(c);
  return { ...(ip === undefined ? {} : { ip }), ...(userAgent === undefined ? {} : { userAgent }) };
}
