/** A piece of the model's text, split into thinking and answer. */
export type ThinkingSegment =
  { kind: 'thinking'; text: string } | { kind: 'thinking_end' } | { kind: 'text'; text: string };

const openTag = '<thinking>';
const closeTag = '</thinking>';
const quoteChars = new Set(['`', '"', "'"]);

/** Longest suffix of `text` that is a proper prefix of `tag` (a tag that may continue next chunk). */
function partialTagSuffix(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
    if (tag.startsWith(text.slice(-length))) return length;
  }
  return 0;
}

/**
 * Splits Kiro's text into thinking and answer when the thinking arrives inline as
 * `<thinking>…</thinking>` at the start of the answer. Works on any chunking: a tag split across
 * chunks is held back until it is complete. A closing tag right after or before a quote or backtick
 * is the model talking about the tag, not closing it. Thinking is recognised only at the very start
 * of the answer, so a tag later in normal prose stays text.
 */
export class InlineThinkingParser {
  #state: 'detect' | 'thinking' | 'text' = 'detect';
  #pending = '';
  #lastThinkingChar = '';
  #stripNewlines = 0;

  push(text: string): ThinkingSegment[] {
    const out: ThinkingSegment[] = [];
    this.#pending += text;
    if (this.#state === 'detect') this.#detect();
    if (this.#state === 'thinking') this.#scanThinking(out, false);
    if (this.#state === 'text') this.#emitText(out);
    return out;
  }

  /** The text run ended (a tool call starts, or the stream ends): resolve whatever is held back. */
  flush(): ThinkingSegment[] {
    const out: ThinkingSegment[] = [];
    if (this.#state === 'thinking') this.#scanThinking(out, true);
    if (this.#state === 'thinking') {
      if (this.#pending !== '') out.push({ kind: 'thinking', text: this.#pending });
      out.push({ kind: 'thinking_end' });
    } else if (this.#pending !== '') {
      out.push({ kind: 'text', text: this.#pending });
    }
    this.#pending = '';
    this.#state = 'text';
    return out;
  }

  /** Thinking arrives as separate events instead: treat everything from now on as text. */
  disable(): ThinkingSegment[] {
    return this.#state === 'text' ? [] : this.flush();
  }

  #detect(): void {
    const trimmed = this.#pending.trimStart();
    if (trimmed === '' || (trimmed.length < openTag.length && openTag.startsWith(trimmed))) return;
    if (trimmed.startsWith(openTag)) {
      this.#state = 'thinking';
      this.#pending = trimmed.slice(openTag.length);
      this.#stripNewlines = 1;
      return;
    }
    this.#state = 'text';
  }

  #stripLeadingNewlines(): void {
    while (this.#stripNewlines > 0 && this.#pending !== '') {
      const match = /^\r?\n/.exec(this.#pending);
      if (match === null) {
        this.#stripNewlines = 0;
        break;
      }
      this.#pending = this.#pending.slice(match[0].length);
      this.#stripNewlines--;
    }
  }

  #emitThinking(out: ThinkingSegment[], text: string): void {
    if (text === '') return;
    out.push({ kind: 'thinking', text });
    this.#lastThinkingChar = text.at(-1) ?? '';
  }

  #scanThinking(out: ThinkingSegment[], atEnd: boolean): void {
    this.#stripLeadingNewlines();
    let searchFrom = 0;
    for (;;) {
      const index = this.#pending.indexOf(closeTag, searchFrom);
      if (index === -1) {
        const keep = atEnd ? 0 : partialTagSuffix(this.#pending, closeTag);
        this.#emitThinking(out, this.#pending.slice(0, this.#pending.length - keep));
        this.#pending = this.#pending.slice(this.#pending.length - keep);
        return;
      }
      const before = index > 0 ? this.#pending[index - 1]! : this.#lastThinkingChar;
      const afterIndex = index + closeTag.length;
      if (afterIndex === this.#pending.length && !atEnd) {
        // Cannot tell yet whether a quote follows: hold the tag back.
        this.#emitThinking(out, this.#pending.slice(0, index));
        this.#pending = this.#pending.slice(index);
        return;
      }
      const after = this.#pending[afterIndex] ?? '';
      if (quoteChars.has(before) || quoteChars.has(after)) {
        searchFrom = afterIndex;
        continue;
      }
      this.#emitThinking(out, this.#pending.slice(0, index));
      out.push({ kind: 'thinking_end' });
      this.#pending = this.#pending.slice(afterIndex);
      this.#state = 'text';
      this.#stripNewlines = 2;
      return;
    }
  }

  #emitText(out: ThinkingSegment[]): void {
    this.#stripLeadingNewlines();
    if (this.#pending === '' || this.#stripNewlines > 0) return;
    out.push({ kind: 'text', text: this.#pending });
    this.#pending = '';
  }
}
