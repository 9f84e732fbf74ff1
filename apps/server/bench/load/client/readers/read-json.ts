import type { ContentSink, ReadOutcome } from './content-sink';

interface AnthropicMessage {
  type?: string;
  content?: { type: string; text?: string }[];
  stop_reason?: string | null;
  error?: { message?: string };
}

interface OpenAICompletion {
  choices?: { message?: { content?: string | null }; finish_reason?: string | null }[];
  error?: { message?: string };
}

/** Reads a non-streamed gateway answer: the whole text arrives at once, when the body ends. */
export async function readJson(
  protocol: 'anthropic' | 'openai',
  body: AsyncIterable<Uint8Array>,
  sink: ContentSink,
): Promise<ReadOutcome> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  const text = Buffer.concat(chunks).toString('utf8');
  if (protocol === 'anthropic') {
    const message = JSON.parse(text) as AnthropicMessage;
    if (message.type === 'error') return { terminal: false, error: message.error?.message };
    const parts = (message.content ?? []).filter((block) => block.type === 'text');
    sink.content(parts.map((block) => block.text ?? '').join(''));
    return { terminal: typeof message.stop_reason === 'string', error: undefined };
  }
  const completion = JSON.parse(text) as OpenAICompletion;
  if (completion.error !== undefined) return { terminal: false, error: completion.error.message };
  const choice = completion.choices?.[0];
  sink.content(choice?.message?.content ?? '');
  return { terminal: typeof choice?.finish_reason === 'string', error: undefined };
}
