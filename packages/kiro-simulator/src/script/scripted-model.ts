import type { Script, Segment } from './directives';
import { fillerText } from './filler-text';
import { splitText, splitToolInput } from './text-chunks';

/** One `:message-type: event` frame to send. */
export interface OutputEvent {
  eventType: string;
  payload: Record<string, unknown>;
}

export interface ReceivedToolResult {
  toolUseId: string;
  /** The tool's name, from the assistant message that asked for it. */
  name: string | undefined;
  status: string | undefined;
  text: string;
}

export interface AnswerInput {
  script: Script;
  /** Tool results on the current message. */
  toolResults: readonly ReceivedToolResult[];
  /** The request asked for thinking (`<thinking_mode>` tags) and no directive scripts it. */
  thinkingRequested: boolean;
  thinkingForm: 'inline' | 'native';
  newToolUseId(): string;
  newSignature(): string;
}

export interface ScriptedAnswer {
  /** The answer's frames, without the closing metering and context-usage events. */
  events: OutputEvent[];
  /** Characters of text, thinking and tool input produced, for token estimates. */
  outputChars: number;
  toolNames: string[];
}

const excerptChars = 200;

function toolResultsSummary(results: readonly ReceivedToolResult[]): string {
  const lines = results.map((result) => {
    const excerpt = result.text.replace(/\s+/g, ' ').trim().slice(0, excerptChars);
    return `- ${result.name ?? result.toolUseId} (${result.status ?? 'success'}): ${excerpt}`;
  });
  return [`Received ${results.length} tool result(s).`, ...lines].join('\n');
}

function segmentsFor(input: AnswerInput): Segment[] {
  const { script } = input;
  const segments: Segment[] =
    script.segments.length > 0
      ? [...script.segments]
      : input.toolResults.length > 0
        ? [{ type: 'text', text: toolResultsSummary(input.toolResults) }]
        : [{ type: 'echo' }];
  const scriptsThinking = segments.some((s) => s.type === 'think' || s.type === 'reasoning');
  if (input.thinkingRequested && !scriptsThinking) {
    const thought = `Thinking about a ${script.text.length}-character message.`;
    segments.unshift({
      type: input.thinkingForm === 'inline' ? 'think' : 'reasoning',
      text: thought,
    });
  }
  return segments;
}

function textOf(segment: Segment, script: Script): string | undefined {
  switch (segment.type) {
    case 'echo':
      return script.text === '' ? '(empty message)' : script.text;
    case 'text':
      return segment.text;
    case 'words':
      return fillerText(segment.count);
    case 'think':
      return `<thinking>${segment.text}</thinking>\n\n`;
    case 'chunks':
    case 'reasoning':
    case 'reasoning-redacted':
    case 'tool':
      return undefined;
  }
}

/**
 * The deterministic "model": turns the script (or the defaults: echo, or a summary of received tool
 * results) into Kiro events, split the way the upstream splits them (kiro-protocol.md §3.4, §3.6).
 */
export function scriptAnswer(input: AnswerInput): ScriptedAnswer {
  const events: OutputEvent[] = [];
  const toolNames: string[] = [];
  let outputChars = 0;
  let pendingText = '';
  const event = (eventType: string, payload: Record<string, unknown>): void => {
    events.push({ eventType, payload });
  };
  const flushText = (): void => {
    for (const content of splitText(pendingText)) event('assistantResponseEvent', { content });
    pendingText = '';
  };

  for (const segment of segmentsFor(input)) {
    const text = textOf(segment, input.script);
    if (text !== undefined) {
      pendingText += text;
      outputChars += text.length;
      continue;
    }
    flushText();
    switch (segment.type) {
      case 'chunks':
        for (const content of segment.chunks) event('assistantResponseEvent', { content });
        outputChars += segment.chunks.join('').length;
        break;
      case 'reasoning':
        for (const chunk of splitText(segment.text))
          event('reasoningContentEvent', { text: chunk });
        event('reasoningContentEvent', { signature: input.newSignature() });
        outputChars += segment.text.length;
        break;
      case 'reasoning-redacted':
        event('reasoningContentEvent', {
          redactedContent: Buffer.from('redacted reasoning').toString('base64'),
        });
        break;
      case 'tool': {
        const toolUseId = input.newToolUseId();
        const { name } = segment;
        const json = JSON.stringify(segment.input);
        event('toolUseEvent', { name, toolUseId });
        for (const [i, fragment] of splitToolInput(json).entries()) {
          // Key order varies on purpose: it is not stable upstream (kiro-protocol.md §3.3).
          event(
            'toolUseEvent',
            i % 2 === 0
              ? { toolUseId, name, input: fragment }
              : { input: fragment, name, toolUseId },
          );
        }
        event('toolUseEvent', { toolUseId, name, stop: true });
        outputChars += json.length;
        toolNames.push(name);
        break;
      }
      case 'echo':
      case 'text':
      case 'words':
      case 'think':
        break;
    }
  }
  flushText();
  return { events, outputChars, toolNames };
}
