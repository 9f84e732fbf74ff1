import { errorFromResponsesError } from '../convert/responses-error';
import { malformedUpstream } from '../convert/malformed-upstream';
import type { ResponsesResponse, ResponsesStreamEvent } from '../responses/response';
import { iterate } from './read-all';

/**
 * Responses stream events → the final `Response` (what `stream: false` answers): the one carried by
 * `response.completed` or `response.incomplete`. `response.failed` throws the matching
 * `OctoProxyError`, and so does a stream that ends without a terminal event.
 */
export async function aggregateResponsesStream(
  events: ReadableStream<ResponsesStreamEvent> | AsyncIterable<ResponsesStreamEvent>,
): Promise<ResponsesResponse> {
  for await (const event of iterate(events)) {
    switch (event.type) {
      case 'response.completed':
      case 'response.incomplete':
        return event.response;
      case 'response.failed':
        throw errorFromResponsesError(event.response.error);
      default:
        break;
    }
  }
  throw malformedUpstream('The stream ended before the response was complete.');
}
