import { homedir } from 'node:os';

import { z } from 'zod';

/**
 * The environment the server reads, parsed once. This is the only module that touches `process.env`;
 * everything else receives these values as arguments.
 */
export interface ServerEnv {
  /** `PORT`: overrides `port` from the config file and the settings stored in the database. */
  port: number | undefined;
  /** `HOST`: overrides `host`. */
  host: string | undefined;
  /** `OCTOPROXY_DATA_DIR`: where the SQLite database, the key file and backups live (default `data`). */
  dataDir: string;
  /** `OCTOPROXY_CONFIG`: the config file (default `configs/config.json`). */
  configPath: string;
  /** `OCTOPROXY_SECRET_KEY`: the key that encrypts upstream tokens; else a key file in the data dir. */
  secretKey: string | undefined;
  /** `OCTOPROXY_ADMIN_PASSWORD`: the first admin's password on first start only. */
  adminPassword: string | undefined;
  /** `LOG_LEVEL`: overrides `logLevel`. */
  logLevel: LogLevel | undefined;
  /** `OCTOPROXY_KIRO_API_URL`, `…_AUTH_URL`, `…_OIDC_URL`: point every account at another Kiro endpoint. */
  kiroApiUrl: string | undefined;
  kiroAuthUrl: string | undefined;
  kiroOidcUrl: string | undefined;
  /**
   * `OCTOPROXY_SIGN_IN_CALLBACK`: `loopback` or `paste`, overriding the guess from the listen address
   * of whether the admin's browser runs on this machine (social and IdC auth-code sign-ins).
   */
  signInCallback: 'loopback' | 'paste' | undefined;
  /** `OCTOPROXY_ALLOWED_HOSTS`: comma-separated host names the admin API answers (`allowedHosts`). */
  allowedHosts: string[] | undefined;
  /** `OCTOPROXY_METRICS_TOKEN`: the bearer token `/metrics` requires (`metricsToken`). */
  metricsToken: string | undefined;
  /** `OCTOPROXY_REQUEST_TIMEOUT_SECONDS`, `…_HEADERS_TIMEOUT_SECONDS`, `OCTOPROXY_MAX_CONNECTIONS`. */
  requestTimeoutSeconds: number | undefined;
  headersTimeoutSeconds: number | undefined;
  maxConnections: number | undefined;
  /** `HOME` (`USERPROFILE` on Windows): where Kiro, kiro-cli and the AWS CLI keep their logins. */
  homeDir: string;
}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

const optionalText = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const optionalUrl = optionalText.pipe(z.url({ protocol: /^https?$/ }).optional());

const optionalPositive = optionalText.pipe(
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'expected a positive number')
    .transform(Number)
    .pipe(z.number().positive())
    .optional(),
);

const envSchema = z.object({
  PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, 'expected a port number')
      .transform(Number)
      .pipe(z.number().int().min(0).max(65535))
      .optional(),
  ),
  HOST: optionalText,
  OCTOPROXY_DATA_DIR: optionalText,
  OCTOPROXY_CONFIG: optionalText,
  OCTOPROXY_SECRET_KEY: optionalText,
  OCTOPROXY_ADMIN_PASSWORD: z.string().optional(),
  LOG_LEVEL: optionalText.pipe(z.enum(logLevels).optional()),
  OCTOPROXY_KIRO_API_URL: optionalUrl,
  OCTOPROXY_KIRO_AUTH_URL: optionalUrl,
  OCTOPROXY_KIRO_OIDC_URL: optionalUrl,
  OCTOPROXY_SIGN_IN_CALLBACK: optionalText.pipe(z.enum(['loopback', 'paste']).optional()),
  OCTOPROXY_ALLOWED_HOSTS: optionalText,
  OCTOPROXY_METRICS_TOKEN: optionalText,
  OCTOPROXY_REQUEST_TIMEOUT_SECONDS: optionalPositive,
  OCTOPROXY_HEADERS_TIMEOUT_SECONDS: optionalPositive,
  OCTOPROXY_MAX_CONNECTIONS: optionalPositive.pipe(z.number().int().optional()),
  HOME: optionalText,
  USERPROFILE: optionalText,
});

/** A variable holds a value the server cannot use; the message names the variable. */
export class EnvError extends Error {
  override name = 'EnvError';
}

export function readEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new EnvError(`Invalid environment variable ${problems.join('; ')}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.OCTOPROXY_DATA_DIR ?? 'data',
    configPath: env.OCTOPROXY_CONFIG ?? 'configs/config.json',
    secretKey: env.OCTOPROXY_SECRET_KEY,
    adminPassword: env.OCTOPROXY_ADMIN_PASSWORD === '' ? undefined : env.OCTOPROXY_ADMIN_PASSWORD,
    logLevel: env.LOG_LEVEL,
    kiroApiUrl: env.OCTOPROXY_KIRO_API_URL,
    kiroAuthUrl: env.OCTOPROXY_KIRO_AUTH_URL,
    kiroOidcUrl: env.OCTOPROXY_KIRO_OIDC_URL,
    signInCallback: env.OCTOPROXY_SIGN_IN_CALLBACK,
    allowedHosts: env.OCTOPROXY_ALLOWED_HOSTS?.split(',')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
    metricsToken: env.OCTOPROXY_METRICS_TOKEN,
    requestTimeoutSeconds: env.OCTOPROXY_REQUEST_TIMEOUT_SECONDS,
    headersTimeoutSeconds: env.OCTOPROXY_HEADERS_TIMEOUT_SECONDS,
    maxConnections: env.OCTOPROXY_MAX_CONNECTIONS,
    homeDir: env.HOME ?? env.USERPROFILE ?? homedir(),
  };
}
