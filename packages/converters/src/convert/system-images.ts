import type {
  AnthropicContentBlockParam,
  AnthropicMessageParam,
} from '../anthropic/request-schema';
import type { ConversionWarning } from './conversion-warning';

/** Put before images that came from the system prompt, so the model knows where they belong. */
export const systemImagesNote = 'Images attached to the system instructions:';

/**
 * Anthropic's `system` holds text only, so images a client put in a system or developer message go to
 * the start of the first user message, after a note saying where they came from (a user message is
 * added when there is none). Each move is reported.
 */
export function placeSystemImages(
  messages: readonly AnthropicMessageParam[],
  images: readonly { block: AnthropicContentBlockParam; param: string }[],
  warnings: ConversionWarning[],
): AnthropicMessageParam[] {
  if (images.length === 0) return [...messages];
  for (const image of images) {
    warnings.push({
      type: 'adjusted',
      kind: 'content_moved',
      param: image.param,
      message: 'Image in a system message moved into the first user message, with a note.',
    });
  }
  const moved: AnthropicContentBlockParam[] = [
    { type: 'text', text: systemImagesNote },
    ...images.map((image) => image.block),
  ];
  const index = messages.findIndex((message) => message.role === 'user');
  if (index === -1) return [{ role: 'user', content: moved }, ...messages];
  const first = messages[index]!;
  const content: AnthropicContentBlockParam[] =
    typeof first.content === 'string'
      ? [{ type: 'text', text: first.content }]
      : [...first.content];
  return messages.map((message, at) =>
    at === index ? { role: 'user', content: [...moved, ...content] } : message,
  );
}
