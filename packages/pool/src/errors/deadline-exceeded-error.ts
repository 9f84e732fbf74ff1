import { OctoProxyError } from '@octoproxy/converters/errors';

/** The request's deadline passed before any account produced a first event. */
export class DeadlineExceededError extends OctoProxyError {
  constructor(options: { attempts: number; cause?: unknown }) {
    super({
      kind: 'timeout',
      fault: 'gateway',
      code: 'deadline_exceeded',
      message: `No upstream response within the request deadline (${options.attempts} attempt${options.attempts === 1 ? '' : 's'}).`,
      cause: options.cause,
    });
  }
}
