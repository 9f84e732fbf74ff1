/** Roughly what one image costs in Claude tokens (a ~1.1 MP image). */
export const imageTokenEstimate = 1_600;

/**
 * A cheap token estimate that needs no tokenizer: about 4 characters per token for ASCII text and
 * about 1.5 per token for other scripts (CJK, emoji), which tokenise much denser.
 */
export function estimateTextTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) < 0x80) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 4 + other / 1.5);
}
