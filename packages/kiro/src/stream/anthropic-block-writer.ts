import type { AnthropicContentDelta, AnthropicStreamEvent } from '@octoproxy/converters';

import { TokenEstimator } from '../request/estimate-tokens';
import { mintThinkingSignature } from './thinking-signature';

type OpenBlock =
  | { kind: 'text'; index: number }
  | { kind: 'thinking'; index: number; text: string; signature: string }
  | { kind: 'tool_use'; index: number; toolUseId: string; input: string };

/** A tool call as it was streamed, checked once its block closed. */
export interface ClosedToolCall {
  toolUseId: string;
  /** The concatenated input was valid JSON (else Kiro cut the arguments off). */
  complete: boolean;
}

/**
 * Emits Anthropic content blocks in the order clients require: indexes 0, 1, 2…, one block open at a
 * time, every block closed before the next starts, thinking blocks closed with a signature.
 */
export class AnthropicBlockWriter {
  #open: OpenBlock | undefined;
  #nextIndex = 0;
  readonly #emit: (event: AnthropicStreamEvent) => void;
  readonly #onToolClosed: (call: ClosedToolCall) => void;
  /** Estimate of the output tokens written so far. */
  readonly output = new TokenEstimator();
  /** Blocks of each kind started. */
  readonly counts = { text: 0, thinking: 0, tool_use: 0, redacted_thinking: 0 };

  constructor(options: {
    emit: (event: AnthropicStreamEvent) => void;
    onToolClosed: (call: ClosedToolCall) => void;
  }) {
    this.#emit = options.emit;
    this.#onToolClosed = options.onToolClosed;
  }

  get openToolUseId(): string | undefined {
    return this.#open?.kind === 'tool_use' ? this.#open.toolUseId : undefined;
  }

  text(text: string): void {
    if (text === '') return;
    if (this.#open?.kind !== 'text') {
      this.close();
      this.#start({ kind: 'text', index: this.#nextIndex }, { type: 'text', text: '' });
      this.counts.text++;
    }
    this.#delta({ type: 'text_delta', text });
  }

  /** Adds thinking text (`display` false: the block is kept but its text withheld). */
  thinking(text: string, display: boolean): void {
    this.#ensureThinking();
    const open = this.#open as Extract<OpenBlock, { kind: 'thinking' }>;
    open.text += text;
    if (display && text !== '') this.#delta({ type: 'thinking_delta', thinking: text });
    else this.output.add(text);
  }

  thinkingSignature(signature: string): void {
    this.#ensureThinking();
    (this.#open as Extract<OpenBlock, { kind: 'thinking' }>).signature += signature;
  }

  redactedThinking(data: string): void {
    this.close();
    const index = this.#nextIndex++;
    this.counts.redacted_thinking++;
    this.#emit({
      type: 'content_block_start',
      index,
      content_block: { type: 'redacted_thinking', data },
    });
    this.#emit({ type: 'content_block_stop', index });
  }

  startToolUse(toolUseId: string, name: string): void {
    this.close();
    this.#start(
      { kind: 'tool_use', index: this.#nextIndex, toolUseId, input: '' },
      { type: 'tool_use', id: toolUseId, name, input: {} },
    );
    this.counts.tool_use++;
  }

  toolInput(fragment: string): void {
    if (this.#open?.kind !== 'tool_use' || fragment === '') return;
    this.#open.input += fragment;
    this.#delta({ type: 'input_json_delta', partial_json: fragment });
  }

  /** Closes the open block, if any. */
  close(): void {
    const open = this.#open;
    if (open === undefined) return;
    if (open.kind === 'thinking') {
      const signature = open.signature || mintThinkingSignature(open.text);
      this.#emit({
        type: 'content_block_delta',
        index: open.index,
        delta: { type: 'signature_delta', signature },
      });
    }
    if (open.kind === 'tool_use') {
      // A call without arguments still needs valid JSON for clients that parse at block stop.
      if (open.input.trim() === '') this.toolInput('{}');
      this.#onToolClosed({ toolUseId: open.toolUseId, complete: isJson(open.input) });
    }
    this.#emit({ type: 'content_block_stop', index: open.index });
    this.#open = undefined;
  }

  #ensureThinking(): void {
    if (this.#open?.kind === 'thinking') return;
    this.close();
    this.#start(
      { kind: 'thinking', index: this.#nextIndex, text: '', signature: '' },
      { type: 'thinking', thinking: '', signature: '' },
    );
    this.counts.thinking++;
  }

  #start(
    block: OpenBlock,
    contentBlock: Extract<AnthropicStreamEvent, { type: 'content_block_start' }>['content_block'],
  ): void {
    this.#open = block;
    this.#nextIndex++;
    this.#emit({ type: 'content_block_start', index: block.index, content_block: contentBlock });
  }

  #delta(delta: AnthropicContentDelta): void {
    if (this.#open === undefined) return;
    if (delta.type === 'text_delta') this.output.add(delta.text);
    if (delta.type === 'thinking_delta') this.output.add(delta.thinking);
    if (delta.type === 'input_json_delta') this.output.add(delta.partial_json);
    this.#emit({ type: 'content_block_delta', index: this.#open.index, delta });
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
