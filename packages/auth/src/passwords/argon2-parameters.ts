/** Argon2id cost parameters, as stored in a PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
export interface Argon2Parameters {
  /** Memory in KiB (`m=`). */
  memoryCost: number;
  /** Passes over memory (`t=`). */
  timeCost: number;
  /** Lanes (`p=`). */
  parallelism: number;
  /** Raw hash length in bytes. */
  outputLength: number;
}

/**
 * OWASP Password Storage Cheat Sheet minimum for argon2id: 19 MiB, 2 passes, 1 lane (about 60 ms on one
 * core of a small server). One lane keeps concurrent logins from taking every core; the memory cost is
 * what makes GPU and ASIC guessing expensive.
 */
export const owaspArgon2Parameters: Readonly<Argon2Parameters> = Object.freeze({
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLength: 32,
});
