import { isTextBlockParam } from '../anthropic/block-guards';
import type { AnthropicContentBlockParam } from '../anthropic/request-schema';

/**
 * Anthropic messages have no participant name, so an OpenAI `name` becomes a speaker label at the
 * start of the message's text (`alice: Hello`), keeping apart speakers whose turns get merged.
 */
export function withSpeakerLabel(
  blocks: AnthropicContentBlockParam[],
  name: string | undefined,
): AnthropicContentBlockParam[] {
  if (name === undefined || name.trim() === '') return blocks;
  const [first, ...rest] = blocks;
  if (first !== undefined && isTextBlockParam(first)) {
    return [{ ...first, text: `${name}: ${first.text}` }, ...rest];
  }
  return [{ type: 'text', text: `${name}:` }, ...blocks];
}
