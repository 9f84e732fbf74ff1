import { UpstreamProtocolError, type ErrorProtocol } from '../errors/upstream-protocol-error';

/**
 * An upstream answer we cannot turn into a valid result (missing events, truncated stream, tool
 * arguments that are not JSON). It is the upstream's fault, so another attempt may succeed.
 */
export function malformedUpstream(
  message: string,
  protocol: ErrorProtocol = 'openai',
): UpstreamProtocolError {
  return new UpstreamProtocolError({
    kind: 'upstream',
    fault: 'upstream',
    code: 'malformed_upstream_response',
    message,
    protocol,
    upstreamType: protocol === 'openai' ? 'server_error' : 'api_error',
  });
}
