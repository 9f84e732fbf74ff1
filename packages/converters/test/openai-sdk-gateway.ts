import OpenAI from 'openai';

import { toOpenAIError } from '../src/errors/error-bodies';
import { jsonResponse, startLoopbackServer } from './loopback-server';

/** A loopback gateway and the official OpenAI SDK pointed at it. */
export interface OpenAISdkGateway {
  client: OpenAI;
  close: () => Promise<void>;
}

/**
 * Serves every request with `pipeline` (the request body in, the gateway's answer out); whatever
 * it throws is answered as an OpenAI error, as the server does.
 */
export async function startOpenAISdkGateway(
  pipeline: (body: unknown) => Promise<Response>,
): Promise<OpenAISdkGateway> {
  const server = await startLoopbackServer(async ({ body }) => {
    try {
      return await pipeline(body);
    } catch (error) {
      const rendered = toOpenAIError(error);
      return jsonResponse(rendered.body, rendered.status);
    }
  });
  return {
    client: new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'test-key', maxRetries: 0 }),
    close: server.close,
  };
}
