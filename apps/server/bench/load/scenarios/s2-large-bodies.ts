import type { BenchContext } from '../bench-context';
import { shortAnswerPrompt } from '../client/prompts';
import { addedOverBaselines, type AddedLatency } from './added-latency';
import { runInterleavedRounds, type RoundsResult, type RoundTarget } from './interleaved-rounds';

export interface S2Size {
  bodyBytes: number;
  rows: RoundsResult[];
  added: AddedLatency[];
}

const targets: readonly RoundTarget[] = [
  { label: 'direct', target: 'direct', stream: true },
  { label: 'null', target: 'null', stream: true },
  { label: 'messages-json', target: 'messages', stream: false },
  { label: 'chat-json', target: 'chat', stream: false },
];

/**
 * S2: 100 KB and 500 KB requests (Claude Code sends its whole context every turn) at c = 1: the
 * added latency and the gateway's CPU per request, which is mostly JSON and token counting. Each
 * body is distinct from its first line, so no cache keyed on the text helps: the worst case.
 */
export async function runS2(context: BenchContext): Promise<S2Size[]> {
  const sizes = [100 * 1024, 500 * 1024];
  const results: S2Size[] = [];
  for (const bodyBytes of sizes) {
    context.log(`S2: ${bodyBytes / 1024} KB bodies`);
    const rows = await runInterleavedRounds(context, {
      targets,
      rounds: context.quick ? 2 : 5,
      perRound: context.quick ? 5 : 20,
      warmup: context.quick ? 3 : 10,
      prompt: (index) =>
        shortAnswerPrompt({ bytes: bodyBytes, nonce: `Request ${index} of size ${bodyBytes}.` }),
    });
    results.push({ bodyBytes, rows, added: addedOverBaselines(rows) });
  }
  return results;
}
