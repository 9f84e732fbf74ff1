export { accounts } from './accounts';
export { apiKeys } from './api-keys';
export { auditLog } from './audit-log';
export { oauthSessions } from './oauth-sessions';
export { requestLogs } from './request-logs';
export { sessions } from './sessions';
export { settings } from './settings';
export { users } from './users';
