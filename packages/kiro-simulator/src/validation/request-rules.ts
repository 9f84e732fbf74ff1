import { contentRules } from './rules/content-rules';
import { conversationRules } from './rules/conversation-rules';
import type { RequestRule } from './rules/rule-helpers';
import { toolRules } from './rules/tool-rules';

export type { RequestRule, RuleContext } from './rules/rule-helpers';

/**
 * Every semantic rule, in the order they are checked; the first violated one answers. The structural
 * checks before them (size, JSON, nulls, skeleton) live in `validate-request.ts`.
 */
export const requestRules: readonly RequestRule[] = [
  ...conversationRules,
  ...toolRules,
  ...contentRules,
];
