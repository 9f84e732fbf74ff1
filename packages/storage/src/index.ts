export { openDatabase } from './open-database';
export type { OpenDatabaseOptions, WriteBehindOptions } from './open-database';
export type { MigrationReport, Storage } from './storage';
export { StorageConflictError, StorageError } from './storage-error';
export type { StorageErrorCode } from './storage-error';
export { newId } from './new-id';
export { defaultPageSize, maxPageSize } from './paging';
export type { Page, PageRequest } from './paging';

export type * from './model/accounts';
export type * from './model/api-keys';
export type * from './model/audit-log';
export type * from './model/oauth-sessions';
export type * from './model/request-logs';
export type * from './model/sessions';
export type * from './model/settings';
export type * from './model/usage-stats';
export type * from './model/users';
