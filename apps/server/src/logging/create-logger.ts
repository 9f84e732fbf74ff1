import { pino, type DestinationStream, type Logger } from 'pino';

import type { LogLevel } from '../env';

export type { Logger } from 'pino';

/** Header and field names whose values never reach a log line, at any depth we log. */
const secretFields = [
  'authorization',
  'x-api-key',
  'api-key',
  'cookie',
  'set-cookie',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'clientSecret',
  'secretKey',
  'key',
  'apiKey',
  'credentials',
];

const redactPaths = secretFields.flatMap((field) => [
  `["${field}"]`,
  `*["${field}"]`,
  `*.*["${field}"]`,
]);

export function createLogger(options: {
  level: LogLevel;
  destination?: DestinationStream;
}): Logger {
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}
