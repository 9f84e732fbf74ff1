import type { BenchContext } from '../bench-context';
import { conversationPrompt, shortAnswerPrompt, type Prompt } from '../client/prompts';
import { addedOverBaselines, type AddedLatency } from './added-latency';
import { runInterleavedRounds, type RoundsResult, type RoundTarget } from './interleaved-rounds';

/**
 * `distinct`: one user message of the whole size, different in every request, so no cache keyed on
 * message text helps (the worst case). `conversation`: a 20-message history of the whole size, the
 * same in every request, then a short new message (what an agent sends turn after turn).
 */
export type BodyShape = 'distinct' | 'conversation';

export interface S2Size {
  bodyBytes: number;
  shape: BodyShape;
  rows: RoundsResult[];
  added: AddedLatency[];
}

const targets: readonly RoundTarget[] = [
  { label: 'direct', target: 'direct', stream: true },
  { label: 'null', target: 'null', stream: true },
  { label: 'messages-json', target: 'messages', stream: false },
  { label: 'chat-json', target: 'chat', stream: false },
];

function promptFor(shape: BodyShape, bodyBytes: number, index: number): Prompt {
  const nonce = `Request ${index} of size ${bodyBytes}.`;
  return shape === 'distinct'
    ? shortAnswerPrompt({ bytes: bodyBytes, nonce })
    : conversationPrompt({ bytes: bodyBytes, turns: 10, nonce });
}

/**
 * S2: 100 KB and 500 KB requests (agents send their whole context every turn) at c = 1: the added
 * latency and the gateway's CPU per request (JSON, translation and the prompt token count).
 */
export async function runS2(context: BenchContext): Promise<S2Size[]> {
  const results: S2Size[] = [];
  for (const shape of ['distinct', 'conversation'] as const) {
    for (const bodyBytes of [100 * 1024, 500 * 1024]) {
      context.log(`S2: ${bodyBytes / 1024} KB bodies, ${shape}`);
      const rows = await runInterleavedRounds(context, {
        targets,
        rounds: context.quick ? 2 : 5,
        perRound: context.quick ? 5 : 20,
        warmup: context.quick ? 3 : 10,
        prompt: (index) => promptFor(shape, bodyBytes, index),
      });
      results.push({ bodyBytes, shape, rows, added: addedOverBaselines(rows) });
    }
  }
  return results;
}
