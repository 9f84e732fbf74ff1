export type UserRole = 'admin' | 'user';

export const userRoles: readonly UserRole[] = ['admin', 'user'];

/** A user as auth needs it. `passwordHash` is an argon2id PHC string. */
export interface UserRecord {
  id: string;
  username: string;
  role: UserRole;
  active: boolean;
  mustChangePassword: boolean;
  passwordHash: string;
}

export interface NewUser {
  username: string;
  role: UserRole;
  passwordHash: string;
  mustChangePassword: boolean;
}

/** A user without its password hash: what auth hands to routes and puts on the request context. */
export type AuthenticatedUser = Omit<UserRecord, 'passwordHash'>;

export function toAuthenticatedUser(user: UserRecord): AuthenticatedUser {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
  };
}

/** The user storage auth needs. Usernames are matched exactly as stored. */
export interface UserStore {
  findById(id: string): Promise<UserRecord | undefined>;
  findByUsername(username: string): Promise<UserRecord | undefined>;
  /** Whether any user exists at all: false only before the very first start completed. */
  hasAnyUser(): Promise<boolean>;
  create(user: NewUser): Promise<UserRecord>;
  updatePassword(update: {
    id: string;
    passwordHash: string;
    mustChangePassword: boolean;
  }): Promise<void>;
}
