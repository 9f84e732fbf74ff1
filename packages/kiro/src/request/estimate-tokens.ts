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

/** Accumulates the token estimate of text that arrives in pieces (same rule as above). */
export class TokenEstimator {
  #ascii = 0;
  #other = 0;

  add(text: string): void {
    for (let index = 0; index < text.length; index++) {
      if (text.charCodeAt(index) < 0x80) this.#ascii++;
      else this.#other++;
    }
  }

  get tokens(): number {
    return Math.ceil(this.#ascii / 4 + this.#other / 1.5);
  }
}
