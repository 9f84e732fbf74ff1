import { OctoProxyError } from '@octoproxy/converters';

/** The upstream stayed silent too long: before its first event, or between two events. */
export class GatewayTimeoutError extends OctoProxyError {
  constructor(phase: 'first_token' | 'idle', seconds: number) {
    super({
      kind: 'timeout',
      fault: 'upstream',
      code: phase === 'first_token' ? 'first_token_timeout' : 'stream_idle_timeout',
      message:
        phase === 'first_token'
          ? `The upstream sent nothing within ${seconds} seconds.`
          : `The upstream went silent for ${seconds} seconds mid-answer.`,
    });
  }
}
