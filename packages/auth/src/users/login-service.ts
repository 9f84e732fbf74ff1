import { InvalidRequestError } from '@octoproxy/converters';

import { AuthenticationError } from '../errors/authentication-error';
import { PermissionError } from '../errors/permission-error';
import { RateLimitError } from '../errors/rate-limit-error';
import type { PasswordHasher } from '../passwords/password-hasher';
import {
  assertPasswordAcceptable,
  defaultPasswordPolicy,
  normalizePassword,
  type PasswordPolicy,
} from '../passwords/password-policy';
import type { IssuedSession, SessionService } from '../sessions/session-service';
import { addressBucket } from './address-bucket';
import { createLoginThrottle, type LoginThrottle } from './login-throttle';
import { toAuthenticatedUser, type AuthenticatedUser, type UserStore } from './user-store';

export interface LoginServiceOptions {
  users: Pick<UserStore, 'findById' | 'findByUsername' | 'updatePassword'>;
  sessions: SessionService;
  hasher: PasswordHasher;
  /** Failures per username. Default: 5 free attempts, then 1 s doubling up to 15 min. */
  userThrottle?: LoginThrottle;
  /** Failures per client address. Default: 20 free attempts (shared NATs), same backoff. */
  ipThrottle?: LoginThrottle;
  policy?: Readonly<PasswordPolicy>;
}

export interface LoginAttempt {
  username: string;
  password: string;
  /** The client address, for per-IP throttling; omit when unknown. */
  ip?: string;
  userAgent?: string;
}

export interface LoginResult extends IssuedSession {
  user: AuthenticatedUser;
}

export interface PasswordChange {
  userId: string;
  currentPassword: string;
  newPassword: string;
  /** Recorded on the fresh session that replaces all of the user's sessions. */
  ip?: string;
  userAgent?: string;
}

export interface LoginService {
  /**
   * Checks a username and password and opens a session. Throws {@link RateLimitError} while locked
   * out (before any password is checked), {@link AuthenticationError} `invalid_credentials` for an
   * unknown user or a wrong password alike, {@link PermissionError} for a disabled account.
   */
  login(attempt: LoginAttempt): Promise<LoginResult>;
  /**
   * Verifies the current password, stores the new one, clears must-change-password, ends every
   * session of the user and returns a fresh one for the caller.
   */
  changePassword(change: PasswordChange): Promise<LoginResult>;
}

/** Longer inputs are rejected before hashing: a login must not become a way to burn CPU. */
const maxPresentedPasswordLength = 4_096;

export function createLoginService(options: LoginServiceOptions): LoginService {
  const { users, sessions, hasher } = options;
  const policy = options.policy ?? defaultPasswordPolicy;
  const userThrottle = options.userThrottle ?? createLoginThrottle({ freeAttempts: 5 });
  const ipThrottle = options.ipThrottle ?? createLoginThrottle({ freeAttempts: 20 });

  const userKey = (username: string) => `user:${username.normalize('NFKC').toLowerCase()}`;

  /**
   * Refuses while locked out, otherwise counts this attempt as a failure before any password is
   * checked, all in one synchronous step: parallel attempts cannot all slip past the check.
   * A success takes the reservation back ({@link settleSuccess}).
   */
  function reserveAttempt(username: string, ip: string | undefined): void {
    const ipKey = ip === undefined ? undefined : addressBucket(ip);
    const waitMs = Math.max(
      userThrottle.retryAfterMs(userKey(username)),
      ipKey === undefined ? 0 : ipThrottle.retryAfterMs(ipKey),
    );
    if (waitMs === 0) {
      userThrottle.reserve(userKey(username));
      if (ipKey !== undefined) ipThrottle.reserve(ipKey);
      return;
    }
    const seconds = Math.ceil(waitMs / 1000);
    throw new RateLimitError({
      code: 'login_throttled',
      message: `Too many failed login attempts; try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
      retryAfterSeconds: seconds,
    });
  }

  /** Clears the username's failures but only refunds the address's reservation (see README). */
  function settleSuccess(username: string, ip: string | undefined): void {
    userThrottle.recordSuccess(userKey(username));
    if (ip !== undefined) ipThrottle.refund(addressBucket(ip));
  }

  /**
   * One argon2 verification whatever the input: an over-long password is verified (truncated)
   * against the dummy hash, exactly like an unknown user, so neither its length nor the user's
   * existence changes the work done or the time taken.
   */
  async function checkPassword(
    passwordHash: string | undefined,
    password: string,
  ): Promise<boolean> {
    if (password.length > maxPresentedPasswordLength) {
      return hasher.verifyAgainstDummy(password.slice(0, maxPresentedPasswordLength));
    }
    if (passwordHash === undefined) return hasher.verifyAgainstDummy(password);
    return hasher.verify(passwordHash, password);
  }

  /** Upgrades a hash made with older parameters while the plaintext is at hand. */
  async function rehashIfNeeded(
    user: {
      id: string;
      passwordHash: string;
      mustChangePassword: boolean;
    },
    password: string,
  ): Promise<void> {
    if (!hasher.needsRehash(user.passwordHash)) return;
    await users.updatePassword({
      id: user.id,
      passwordHash: await hasher.hash(password),
      mustChangePassword: user.mustChangePassword,
    });
  }

  return {
    async login({ username, password, ip, userAgent }) {
      reserveAttempt(username, ip);
      const user = await users.findByUsername(username);
      const matches = await checkPassword(user?.passwordHash, password);
      if (user === undefined || !matches) {
        throw new AuthenticationError({
          code: 'invalid_credentials',
          message: 'Invalid username or password.',
        });
      }
      settleSuccess(username, ip);
      if (!user.active) {
        throw new PermissionError({ code: 'forbidden', message: 'This account is disabled.' });
      }
      await rehashIfNeeded(user, password);
      const issued = await sessions.create({ userId: user.id, ip, userAgent });
      return { ...issued, user: toAuthenticatedUser(user) };
    },

    async changePassword({ userId, currentPassword, newPassword, ip, userAgent }) {
      const user = await users.findById(userId);
      if (user === undefined || !user.active) {
        throw new AuthenticationError({ code: 'invalid_session', message: 'Log in again.' });
      }
      reserveAttempt(user.username, ip);
      if (!(await checkPassword(user.passwordHash, currentPassword))) {
        throw new AuthenticationError({
          code: 'invalid_credentials',
          message: 'The current password is wrong.',
        });
      }
      settleSuccess(user.username, ip);
      assertPasswordAcceptable(newPassword, policy, [user.username]);
      if (normalizePassword(newPassword) === normalizePassword(currentPassword)) {
        throw new InvalidRequestError({
          code: 'weak_password',
          param: 'password',
          message: 'The new password must differ from the current one.',
        });
      }
      await users.updatePassword({
        id: user.id,
        passwordHash: await hasher.hash(newPassword),
        mustChangePassword: false,
      });
      await sessions.revokeAllForUser(user.id);
      const issued = await sessions.create({ userId: user.id, ip, userAgent });
      return { ...issued, user: toAuthenticatedUser({ ...user, mustChangePassword: false }) };
    },
  };
}
