import type { Page, PageRequest } from '../paging';

export type UserRole = 'admin' | 'user';

/** A user as the admin API sees it. The password hash is never part of it. */
export interface User {
  id: string;
  username: string;
  role: UserRole;
  active: boolean;
  mustChangePassword: boolean;
  /** Epoch ms. Sessions created before it are stale. */
  passwordChangedAt: number;
  lastLoginAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface NewUser {
  /** Optional: a fresh id is drawn when absent. */
  id?: string;
  username: string;
  role: UserRole;
  /** The hash `@octoproxy/auth` made; never a password. */
  passwordHash: string;
  active?: boolean;
  mustChangePassword?: boolean;
}

export interface UserPatch {
  username?: string;
  role?: UserRole;
  active?: boolean;
  mustChangePassword?: boolean;
}

export interface SetPasswordInput {
  userId: string;
  passwordHash: string;
  /** Default false: the user chose this password. */
  mustChangePassword?: boolean;
  /** Default true: revoke the user's sessions in the same transaction. */
  revokeSessions?: boolean;
  /** A session to keep (the one that changed the password). */
  keepSessionId?: string;
}

export interface UserListQuery extends PageRequest {
  role?: UserRole;
  active?: boolean;
  /** Case-insensitive substring of the username. */
  search?: string;
}

export interface UserCounts {
  total: number;
  admins: number;
  users: number;
  active: number;
}

export interface UserRepository {
  /** @throws StorageConflictError (`field: 'username'`) when the name is taken, in any letter case. */
  create(input: NewUser): Promise<User>;
  /**
   * Creates the user only if no admin exists yet, atomically (first start). Returns undefined
   * when an admin already exists: an existing admin is never re-created or reset.
   */
  createIfNoAdmin(input: NewUser): Promise<User | undefined>;
  get(id: string): Promise<User | undefined>;
  /** Case-insensitive. */
  getByUsername(username: string): Promise<User | undefined>;
  /** The user and the stored hash, for verifying a login. Case-insensitive. */
  findForLogin(username: string): Promise<{ user: User; passwordHash: string } | undefined>;
  getPasswordHash(userId: string): Promise<string | undefined>;
  /** Ordered by username. */
  list(query?: UserListQuery): Promise<Page<User>>;
  /**
   * @throws StorageConflictError (`reason: 'last-admin'`) when the change would leave no active admin;
   * (`field: 'username'`) when the new name is taken.
   */
  update(id: string, patch: UserPatch): Promise<User | undefined>;
  /** Sets the hash and revokes sessions in one transaction. */
  setPassword(input: SetPasswordInput): Promise<User | undefined>;
  recordLogin(userId: string, at?: number): Promise<void>;
  /**
   * Deletes the user with their sessions and API keys (request logs keep the ids).
   * @throws StorageConflictError (`reason: 'last-admin'`) for the last active admin.
   */
  delete(id: string): Promise<boolean>;
  counts(): Promise<UserCounts>;
}
