/**
 * User messages that script the simulator's answer with `sim:` directives (see the simulator's
 * README), plus filler text up to a body size. Each returns the exact text the answer will carry.
 */
export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

export interface Prompt {
  /** Earlier turns of the conversation, sent before `content`. */
  history?: Turn[];
  content: string;
  /** Undefined when the simulator generates the text (any non-empty answer then counts). */
  expectedText: string | undefined;
}

const vocabulary = [
  'the',
  'gateway',
  'pools',
  'several',
  'accounts',
  'and',
  'streams',
  'answers',
  'to',
  'clients',
  'function',
  'returns',
  'value',
  'error',
  'request',
  'token',
  'refresh',
  'cache',
  'model',
  'tool',
  'file',
  'line',
  'test',
  'build',
  'config',
  'server',
  'route',
  'header',
  'body',
  'stream',
];

/** Deterministic English-like filler of about `bytes` bytes (a tokenizer sees real words). */
export function fillerText(bytes: number, seed = 1): string {
  const words: string[] = [];
  let state = seed;
  let length = 0;
  while (length < bytes) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const word = vocabulary[state % vocabulary.length]!;
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ').slice(0, bytes);
}

/** A fixed short answer (about 170 characters, a few frames) to a message of about `bytes` bytes. */
export function shortAnswerPrompt(options: {
  bytes: number;
  nonce?: string;
  /** The simulator holds the answer this long before its first frame (`sim: delay`). */
  delayMs?: number;
}): Prompt {
  const answer =
    'The gateway relays this answer unchanged: a short reply of a few sentences, about as long as ' +
    'a typical one-line chat completion, so the body size dominates the cost.';
  const delay = options.delayMs === undefined ? '' : `sim: delay ${options.delayMs}\n`;
  const head = `sim: text ${JSON.stringify(answer)}\n${delay}${options.nonce ?? ''}\n`;
  return {
    content: head + fillerText(Math.max(0, options.bytes - head.length)),
    expectedText: answer,
  };
}

/**
 * The shape of an agent's request: a long history, identical from one request to the next (the
 * conversation so far), then a short new user message. Caches keyed on message text help here.
 */
export function conversationPrompt(options: {
  bytes: number;
  turns: number;
  nonce: string;
}): Prompt {
  const turnBytes = Math.floor(options.bytes / (options.turns * 2));
  const history: Turn[] = Array.from({ length: options.turns * 2 }, (_, index) => ({
    role: index % 2 === 0 ? 'user' : 'assistant',
    content: fillerText(turnBytes, index + 1),
  }));
  const last = shortAnswerPrompt({ bytes: 0, nonce: options.nonce });
  return { ...last, history };
}

/**
 * Exactly `deltas` text frames, `intervalMs` apart: 4-character chunks count one token each in the
 * simulator's pacing, so `tps = 1000 / intervalMs` spaces them `intervalMs` apart.
 */
export function pacedStreamPrompt(options: { deltas: number; intervalMs: number }): Prompt {
  const chunks = Array.from({ length: options.deltas }, (_, index) =>
    `w${index.toString(36).padStart(3, '0')}`.slice(-4),
  );
  return {
    content: `sim: chunks ${JSON.stringify(chunks)}\nsim: tps ${1000 / options.intervalMs}\nStream.`,
    expectedText: chunks.join(''),
  };
}

/** A long answer at full speed, split like real Kiro frames (1–31 characters each). */
export function longAnswerPrompt(words: number): Prompt {
  return { content: `sim: words ${words}\nWrite at length.`, expectedText: undefined };
}
