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
 * must be answered in the user turn right after it. Duplicates are dropped, orphan results become
 * text, unanswered uses get a "cancelled" error result.
 */
function pairToolResults(turns: Turn[]): void {
  for (let index = 0; index < turns.length; index++) {
    const turn = turns[index]!;
    if (turn.role === 'assistant') {
      const seen = new Set<string>();
      turn.toolUses = turn.toolUses.filter(
        (use) => !seen.has(use.toolUseId) && seen.add(use.toolUseId),
      );
      continue;
    }
    const previous = index > 0 ? turns[index - 1] : undefined;
    const uses = previous?.role === 'assistant' ? previous.toolUses : [];
    const byId = new Map<string, KiroToolResult>();
    const orphanTexts: string[] = [];
    for (const result of turn.toolResults) {
      if (byId.has(result.toolUseId)) continue;
      if (uses.some((use) => use.toolUseId === result.toolUseId))
        byId.set(result.toolUseId, result);
      else orphanTexts.push(orphanResultText(result));
    }
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
