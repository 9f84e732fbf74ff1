/**
 * What went wrong, in terms both client protocols understand. Every {@link OctoProxyError} has one kind;
 * {@link errorKindTable} maps it to an HTTP status and to each protocol's error type.
 */
export type ErrorKind =
  | 'invalid_request'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'request_too_large'
  | 'rate_limit'
  | 'upstream'
  | 'overloaded'
  | 'timeout'
  | 'internal';

/**
 * Who is at fault, which decides what a gateway may do about it:
 * - `client`: the request itself is wrong; retrying or switching accounts cannot help.
 * - `account`: this upstream account cannot serve now (auth, quota, throttling, suspension); another may.
 * - `upstream`: a transient upstream or network failure; another attempt may succeed.
 * - `gateway`: the gateway itself cannot serve (no eligible account, internal bug).
 */
export type ErrorFault = 'client' | 'account' | 'upstream' | 'gateway';
