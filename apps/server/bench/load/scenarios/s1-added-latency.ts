import type { BenchContext } from '../bench-context';
import { shortAnswerPrompt } from '../client/prompts';
import { addedOverBaselines, type AddedLatency } from './added-latency';
import { runInterleavedRounds, type RoundsResult, type RoundTarget } from './interleaved-rounds';

export interface S1Result {
  bodyBytes: number;
  rounds: number;
  perRound: number;
  rows: RoundsResult[];
  added: AddedLatency[];
}

export const s1Targets: readonly RoundTarget[] = [
  { label: 'direct', target: 'direct', stream: true },
  { label: 'null', target: 'null', stream: true },
  { label: 'messages-json', target: 'messages', stream: false },
  { label: 'chat-json', target: 'chat', stream: false },
  { label: 'messages-sse', target: 'messages', stream: true },
  { label: 'chat-sse', target: 'chat', stream: true },
];

/**
 * S1: what the gateway adds to a small request at c = 1, against a zero-delay upstream. Every
 * body is distinct (a nonce line), as each turn of a real conversation is.
 */
export async function runS1(context: BenchContext): Promise<S1Result> {
  const rounds = context.quick ? 3 : 10;
  const perRound = context.quick ? 20 : 100;
  const bodyBytes = 1024;
  context.log('S1: added latency, 1 KB bodies, c = 1');
  const rows = await runInterleavedRounds(context, {
    targets: s1Targets,
    rounds,
    perRound,
    warmup: context.quick ? 20 : 200,
    prompt: (index) => shortAnswerPrompt({ bytes: bodyBytes, nonce: `Request ${index}.` }),
  });
  return { bodyBytes, rounds, perRound, rows, added: addedOverBaselines(rows) };
}
