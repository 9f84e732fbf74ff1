import type {
  AnthropicRedactedThinkingBlockParam,
  AnthropicThinkingBlockParam,
} from '../anthropic/request-schema';

/**
 * Responses clients replay reasoning items verbatim on the next turn, and the only field meant for
 * the server is the opaque `encrypted_content`. We put the Anthropic thinking block there (its text
 * and signature, or the redacted data), so the next request restores it exactly, even when the
 * client dropped the summary. It is encoded, not encrypted: it is the client's own conversation.
 */

const prefix = 'octoproxy.thinking.v1.';

type CarriedBlock = AnthropicThinkingBlockParam | AnthropicRedactedThinkingBlockParam;

interface Carried {
  thinking?: string;
  signature?: string;
  redacted?: string;
}

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(base64: string): string {
  const binary = atob(base64);
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The `encrypted_content` that carries a thinking block. */
export function encodeReasoningContent(
  block:
    | { type: 'thinking'; thinking: string; signature: string }
    | { type: 'redacted_thinking'; data: string },
): string {
  const carried: Carried =
    block.type === 'thinking'
      ? { thinking: block.thinking, signature: block.signature }
      : { redacted: block.data };
  return prefix + toBase64(JSON.stringify(carried));
}

/** The thinking block an `encrypted_content` of ours carries; `undefined` for anything else. */
export function decodeReasoningContent(encrypted: string): CarriedBlock | undefined {
  if (!encrypted.startsWith(prefix)) return undefined;
  let carried: unknown;
  try {
    carried = JSON.parse(fromBase64(encrypted.slice(prefix.length)));
  } catch {
    return undefined;
  }
  if (typeof carried !== 'object' || carried === null) return undefined;
  const { thinking, signature, redacted } = carried as Record<string, unknown>;
  if (typeof redacted === 'string') return { type: 'redacted_thinking', data: redacted };
  if (typeof thinking !== 'string') return undefined;
  return {
    type: 'thinking',
    thinking,
    ...(typeof signature === 'string' && signature !== '' ? { signature } : {}),
  };
}
