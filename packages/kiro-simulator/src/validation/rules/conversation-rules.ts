import {
  firstOf,
  historyOf,
  roleOf,
  userMessagesOf,
  userOf,
  type RequestRule,
} from './rule-helpers';

const chatTriggerTypes = ['MANUAL', 'DIAGNOSTIC', 'INLINE_CHAT'];
const agentTaskTypes = ['vibe', 'spectask'];
const origins = [
  'AI_EDITOR', 'CHATBOT', 'CLI', 'CONSOLE', 'DOCUMENTATION', 'GITLAB', 'IDE', 'INLINE_CHAT',
  'MARKETING', 'MD', 'MD_CE', 'MD_IDE', 'MOBILE', 'OPENSEARCH_DASHBOARD', 'Q_DEV_BEXT',
  'SAGE_MAKER', 'SERVICE_INTERNAL', 'SM_AI_STUDIO_IDE', 'UNIFIED_SEARCH', 'UNKNOWN',
]; // prettier-ignore

/** The conversation's shape: current message, trigger type, enums and turn order. */
export const conversationRules: readonly RequestRule[] = [
  {
    id: 'current-message-is-user',
    summary: 'currentMessage is a userInputMessage',
    source: '§2.2 [A][C]: the current message is always a userInputMessage',
    reason: null,
    violation: (body) =>
      userOf(body.conversationState.currentMessage)
        ? undefined
        : 'currentMessage is an assistantResponseMessage',
  },
  {
    id: 'current-content-non-empty',
    summary: 'the current message has non-blank content',
    source: '§2.4: AIC, CPA and JW report empty current content rejected',
    reason: null,
    violation: (body) =>
      userOf(body.conversationState.currentMessage)?.content.trim() === ''
        ? 'currentMessage content is empty'
        : undefined,
  },
  {
    id: 'chat-trigger-type',
    summary: 'chatTriggerType is present and MANUAL, DIAGNOSTIC or INLINE_CHAT (AUTO is refused)',
    source: '§2.2 [A] required enum; KRS: AUTO "may cause 400"',
    reason: null,
    violation: ({ conversationState: { chatTriggerType } }) =>
      chatTriggerType !== undefined && chatTriggerTypes.includes(chatTriggerType)
        ? undefined
        : `chatTriggerType ${String(chatTriggerType)} is not allowed`,
  },
  {
    id: 'agent-task-type',
    summary: 'agentTaskType, when present, is vibe or spectask',
    source: '§2.2 [A] enum',
    reason: null,
    violation: ({ conversationState: { agentTaskType } }) =>
      agentTaskType === undefined || agentTaskTypes.includes(agentTaskType)
        ? undefined
        : `agentTaskType ${agentTaskType} is not allowed`,
  },
  {
    id: 'origin',
    summary: 'origin, when present, is in the service enum (AI_EDITOR for Kiro IDE traffic)',
    source: '§2.4 [A] enum',
    reason: null,
    violation: (body) =>
      firstOf(userMessagesOf(body), ({ origin }) =>
        origin === undefined || origins.includes(origin)
          ? undefined
          : `origin ${origin} is unknown`,
      ),
  },
  {
    id: 'history-starts-with-user',
    summary: 'history starts with a user message',
    source: '§2.8 [C]: AIC, KRS, JW ensure_first_message_is_user',
    reason: null,
    violation: (body) =>
      roleOf(historyOf(body)[0]) === 'assistant' ? 'history[0] is an assistant message' : undefined,
  },
  {
    id: 'history-alternates',
    summary: 'history strictly alternates user and assistant messages',
    source: '§2.8 [C]: AWS pairs turns; AIC, KRS, JW merge or fill same-role neighbours',
    reason: null,
    violation: (body) => {
      const history = historyOf(body);
      return firstOf(history, (message, i) =>
        i > 0 && roleOf(message) === roleOf(history[i - 1])
          ? `history[${i}] has the same role as history[${i - 1}]`
          : undefined,
      );
    },
  },
  {
    id: 'history-ends-with-assistant',
    summary:
      'a non-empty history ends with an assistant message (the current message is the next user turn)',
    source: '§2.8 [C]; a trailing assistant prefill is not supported',
    reason: null,
    violation: (body) =>
      roleOf(historyOf(body).at(-1)) === 'user' ? 'history ends with a user message' : undefined,
  },
];
