import { emptyUserTurn, type AssistantTurn, type Turn, type UserTurn } from './conversation-turns';
import type { KiroToolResult } from './kiro-request-types';

/** What a turn that had to be invented, or that lost all its text, says instead. */
export const placeholders = {
  userContinue: 'Continue',
  userToolResults: 'Tool results provided.',
  assistantEmpty: 'OK',
  cancelledToolUse: 'Tool use was cancelled: no result was provided.',
} as const;

function mergeInto(target: Turn, source: Turn): void {
  target.texts.push(...source.texts);
  if (target.role === 'user' && source.role === 'user') {
    target.images.push(...source.images);
    target.toolResults.push(...source.toolResults);
  } else if (target.role === 'assistant' && source.role === 'assistant') {
    target.thinking.push(...source.thinking);
    target.toolUses.push(...source.toolUses);
  }
}

/** Adjacent same-role turns become one (Anthropic merges them too; Kiro rejects them). */
function mergeSameRole(turns: readonly Turn[]): Turn[] {
  const merged: Turn[] = [];
  for (const turn of turns) {
    const last = merged.at(-1);
    if (last !== undefined && last.role === turn.role) mergeInto(last, turn);
    else merged.push(turn);
  }
  return merged;
}

function orphanResultText(result: KiroToolResult): string {
  const text = result.content.map((part) => part.text).join('\n');
  return `[Result of tool call ${result.toolUseId}${result.status === 'error' ? ' (error)' : ''}]\n${text}`;
}

/**
 * Every tool result must answer a tool use of the assistant turn right before it, and every tool use
 * must be answered in the user turn right after it; a tool use id appears once in the conversation.
 * Duplicates within a turn are dropped, an id reused by a later turn is renamed (in its use and its
 * result), orphan results become text, unanswered uses get a "cancelled" error result.
 */
function pairToolResults(turns: Turn[]): void {
  const usedIds = new Set<string>();
  let renames = new Map<string, string>();
  for (let index = 0; index < turns.length; index++) {
    const turn = turns[index]!;
    if (turn.role === 'assistant') {
      const inTurn = new Set<string>();
      renames = new Map();
      turn.toolUses = turn.toolUses.filter((use) => {
        if (inTurn.has(use.toolUseId)) return false;
        inTurn.add(use.toolUseId);
        if (usedIds.has(use.toolUseId)) {
          let suffix = 2;
          while (usedIds.has(`${use.toolUseId}_${suffix}`)) suffix++;
          renames.set(use.toolUseId, `${use.toolUseId}_${suffix}`);
          use.toolUseId = `${use.toolUseId}_${suffix}`;
        }
        usedIds.add(use.toolUseId);
        return true;
      });
      continue;
    }
    const previous = index > 0 ? turns[index - 1] : undefined;
    const uses = previous?.role === 'assistant' ? previous.toolUses : [];
    const byId = new Map<string, KiroToolResult>();
    const orphanTexts: string[] = [];
    for (const original of turn.toolResults) {
      const result = {
        ...original,
        toolUseId: renames.get(original.toolUseId) ?? original.toolUseId,
      };
      if (byId.has(result.toolUseId)) continue;
      if (uses.some((use) => use.toolUseId === result.toolUseId))
        byId.set(result.toolUseId, result);
      else orphanTexts.push(orphanResultText(original));
    }
    renames = new Map();
    turn.toolResults = uses.map(
      (use) =>
        byId.get(use.toolUseId) ?? {
          toolUseId: use.toolUseId,
          status: 'error',
          content: [{ text: placeholders.cancelledToolUse }],
        },
    );
    turn.texts = [...orphanTexts, ...turn.texts];
  }
}

/**
 * Puts turns into the shape Kiro accepts: merged same-role turns, a user turn first, and a user
 * turn last (a trailing assistant prefill stays in history and the current message says "Continue").
 * Tool pairing is repaired last, so it sees the final neighbours.
 */
export function repairConversation(turns: readonly Turn[]): { history: Turn[]; current: UserTurn } {
  const merged = mergeSameRole(turns);
  if (merged[0]?.role !== 'user') merged.unshift(emptyUserTurn());
  if (merged.at(-1)?.role !== 'user') merged.push(emptyUserTurn());
  pairToolResults(merged);
  const current = merged.pop() as UserTurn;
  return { history: merged, current };
}

/** True when any turn carries tool uses or tool results (Kiro then requires tool specs). */
export function hasToolActivity(turns: readonly Turn[]): boolean {
  return turns.some((turn) =>
    turn.role === 'assistant' ? turn.toolUses.length > 0 : turn.toolResults.length > 0,
  );
}

export type { AssistantTurn };
