import { randomBytes } from 'node:crypto';

import { hashToken } from '../crypto/token-hash';

const sessionTokenBytes = 32;
const sessionTokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** A new session token: 256 bits from the OS CSPRNG, base64url (43 characters). */
export function generateSessionToken(): string {
  return randomBytes(sessionTokenBytes).toString('base64url');
}

/** Cheap shape check before any lookup, so garbage never reaches the store. */
export function looksLikeSessionToken(value: string): boolean {
  return sessionTokenPattern.test(value);
}

/** The stored form of a session token (SHA-256 hex). */
export function hashSessionToken(token: string): string {
  return hashToken(token);
}
