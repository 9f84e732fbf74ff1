import { createHash } from 'node:crypto';

const prefix = 'okiro1.';

/**
 * A signature for thinking that Kiro gave without one. Clients replay thinking blocks with their
 * signature; the prefix lets the gateway recognise ours and never forward it to Anthropic.
 */
export function mintThinkingSignature(thinking: string): string {
  return prefix + createHash('sha256').update(thinking).digest('base64url');
}

/** True for signatures made by {@link mintThinkingSignature}. */
export function isMintedThinkingSignature(signature: string): boolean {
  return signature.startsWith(prefix);
}
