import { Buffer } from 'node:buffer';

const prefix = 'okiro2.';
/** Hash-only signatures minted before they carried the thinking; still recognised as ours. */
const hashPrefix = 'okiro1.';

/**
 * A signature for thinking that Kiro gave without one. Clients replay thinking blocks with their
 * signature; the prefix lets the gateway recognise ours and never forward it to Anthropic. It carries
 * the thinking itself (encoded, not encrypted: it is the client's own conversation), because a
 * client that asked for `display: "omitted"` (Claude Code does) replays the block with empty text,
 * relying on the signature as it does with Anthropic's.
 */
export function mintThinkingSignature(thinking: string): string {
  return prefix + Buffer.from(thinking, 'utf8').toString('base64url');
}

/** True for signatures made by {@link mintThinkingSignature}. */
export function isMintedThinkingSignature(signature: string): boolean {
  return signature.startsWith(prefix) || signature.startsWith(hashPrefix);
}

/** The thinking a signature of ours carries; `undefined` for any other signature. */
export function thinkingOfSignature(signature: string): string | undefined {
  if (!signature.startsWith(prefix)) return undefined;
  return Buffer.from(signature.slice(prefix.length), 'base64url').toString('utf8');
}
