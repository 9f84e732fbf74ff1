/** One piece of the scripted answer, emitted in the order the directives appear. */
export type Segment =
  | { type: 'echo' }
  | { type: 'text'; text: string }
  | { type: 'words'; count: number }
  | { type: 'chunks'; chunks: string[] }
  | { type: 'think'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'reasoning-redacted' }
  | { type: 'tool'; name: string; input: Record<string, unknown> };

export interface ScriptSettings {
  firstTokenDelayMs?: number;
  tokensPerSecond?: number;
  exception?: { exceptionType: string; afterFrames: number; message?: string };
  contextUsagePercentage?: number;
  credits?: number;
  /** Also send a `metadataEvent` with token usage before metering. */
  metadataEvent?: boolean;
  /** Also send events a client must skip: messageMetadata, followupPrompt, codeReference, unknown. */
  noise?: boolean;
  /** Write the stream to the socket in slices of this many bytes. */
  sliceBytes?: number;
}

export interface Script {
  segments: Segment[];
  settings: ScriptSettings;
  /** The content with every directive line removed, trimmed (what `echo` answers). */
  text: string;
}

/** A `sim:` line the simulator cannot follow; answered as a 400 so the test's typo shows. */
export class DirectiveError extends Error {
  override name = 'DirectiveError';
}

const directiveLine = /^[ \t]*sim:[ \t]*(\S+)[ \t]*(.*?)[ \t]*$/;

function fail(line: string, why: string): never {
  throw new DirectiveError(`sim directive "${line.trim()}": ${why}`);
}

function number(line: string, raw: string, options: { integer?: boolean; min: number }): number {
  const value = Number(raw);
  if (raw === '' || !Number.isFinite(value) || value < options.min) {
    fail(line, `expected a number ≥ ${options.min}`);
  }
  if (options.integer === true && !Number.isInteger(value)) fail(line, 'expected an integer');
  return value;
}

/** Free text, or a JSON string literal when it starts with `"` (for newlines and exact spaces). */
function text(line: string, raw: string): string {
  if (raw === '') fail(line, 'expected text');
  if (!raw.startsWith('"')) return raw;
  const value = json(line, raw);
  if (typeof value !== 'string') fail(line, 'expected a JSON string');
  return value;
}

function json(line: string, raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return fail(line, 'invalid JSON');
  }
}

function flag(line: string, rest: string): true {
  if (rest !== '') fail(line, 'takes no argument');
  return true;
}

function apply(script: Script, line: string, keyword: string, rest: string): void {
  const { segments, settings } = script;
  switch (keyword) {
    case 'echo':
      flag(line, rest);
      segments.push({ type: 'echo' });
      return;
    case 'text':
      segments.push({ type: 'text', text: text(line, rest) });
      return;
    case 'words':
      segments.push({ type: 'words', count: number(line, rest, { integer: true, min: 1 }) });
      return;
    case 'chunks': {
      const chunks = json(line, rest);
      if (!Array.isArray(chunks) || !chunks.every((chunk) => typeof chunk === 'string')) {
        fail(line, 'expected a JSON array of strings');
      }
      segments.push({ type: 'chunks', chunks });
      return;
    }
    case 'think':
      segments.push({ type: 'think', text: text(line, rest) });
      return;
    case 'reasoning':
      segments.push({ type: 'reasoning', text: text(line, rest) });
      return;
    case 'reasoning-redacted':
      flag(line, rest);
      segments.push({ type: 'reasoning-redacted' });
      return;
    case 'tool': {
      const match = /^(\S+)(?:\s+(.*))?$/.exec(rest);
      if (match?.[1] === undefined) fail(line, 'expected a tool name');
      const input = match[2] === undefined ? {} : json(line, match[2]);
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        fail(line, 'tool input must be a JSON object');
      }
      segments.push({ type: 'tool', name: match[1], input: input as Record<string, unknown> });
      return;
    }
    case 'exception': {
      const match = /^(\w+)(?:\s+after\s+(\d+))?(?:\s+message\s+(.+))?$/.exec(rest);
      if (match?.[1] === undefined)
        fail(line, 'expected: exception <Type> [after <n>] [message <text>]');
      settings.exception = {
        exceptionType: match[1],
        afterFrames: match[2] === undefined ? 1 : Number(match[2]),
      };
      if (match[3] !== undefined) settings.exception.message = text(line, match[3]);
      return;
    }
    case 'delay':
      settings.firstTokenDelayMs = number(line, rest, { min: 0 });
      return;
    case 'tps':
      settings.tokensPerSecond = number(line, rest, { min: Number.MIN_VALUE });
      return;
    case 'context':
      settings.contextUsagePercentage = number(line, rest, { min: 0 });
      return;
    case 'credits':
      settings.credits = number(line, rest, { min: 0 });
      return;
    case 'metadata':
      settings.metadataEvent = flag(line, rest);
      return;
    case 'noise':
      settings.noise = flag(line, rest);
      return;
    case 'slice':
      settings.sliceBytes = number(line, rest, { integer: true, min: 1 });
      return;
    default:
      fail(line, `unknown directive "${keyword}"`);
  }
}

/** Reads the `sim: …` lines of a user message (documented in the README). */
export function parseDirectives(content: string): Script {
  const script: Script = { segments: [], settings: {}, text: '' };
  const kept: string[] = [];
  for (const line of content.split(/\r?\n/)) {
    const match = directiveLine.exec(line);
    if (match?.[1] === undefined) {
      kept.push(line);
      continue;
    }
    apply(script, line, match[1].toLowerCase(), match[2] ?? '');
  }
  script.text = kept.join('\n').trim();
  return script;
}
