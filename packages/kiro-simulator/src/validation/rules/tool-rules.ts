import {
  assistantOf,
  conversationOf,
  currentToolsOf,
  emptyKeyPath,
  firstDuplicate,
  firstOf,
  historyOf,
  isObject,
  toolSpecsOf,
  userMessagesOf,
  userOf,
  type RequestRule,
} from './rule-helpers';

const toolUseResultMismatch = 'TOOL_USE_RESULT_MISMATCH';
const toolSchemaInvalid = 'TOOL_SCHEMA_INVALID';
const toolNamePattern = /^[a-zA-Z][a-zA-Z0-9_]*$/;
export const maxToolNameChars = 64;
export const maxToolDescriptionChars = 10_004;

/** Tool use / result pairing and the tool specifications of the current message. */
export const toolRules: readonly RequestRule[] = [
  {
    id: 'tools-only-on-current-message',
    summary: 'tool specifications appear only on the current message',
    source: '§2.5 [C]: AWS history entries have tools: None',
    reason: null,
    violation: (body) =>
      firstOf(historyOf(body), (message, i) =>
        userOf(message)?.userInputMessageContext?.tools === undefined
          ? undefined
          : `history[${i}] carries tools`,
      ),
  },
  {
    id: 'tool-results-answer-previous-tool-uses',
    summary:
      'every toolResults id answers a toolUses entry of the immediately preceding assistant message',
    source:
      '§2.8 [C]: AWS enforce_conversation_invariants, KRS validate_tool_pairing; reason per ZKRS',
    reason: toolUseResultMismatch,
    violation: (body) => {
      const messages = conversationOf(body);
      return firstOf(messages, (message, i) => {
        const previous = messages[i - 1];
        const uses = (previous && assistantOf(previous)?.toolUses) ?? [];
        const ids = new Set(uses.map((use) => use.toolUseId));
        return firstOf(userOf(message)?.userInputMessageContext?.toolResults ?? [], (result) =>
          ids.has(result.toolUseId)
            ? undefined
            : `toolResult ${result.toolUseId} (message ${i}) has no toolUse in the message before`,
        );
      });
    },
  },
  {
    id: 'tool-uses-answered',
    summary: "every assistant toolUses entry is answered in the next user message's toolResults",
    source: '§2.8 [C]: every client removes orphan tool uses or answers them as cancelled',
    reason: toolUseResultMismatch,
    violation: (body) => {
      const messages = conversationOf(body);
      return firstOf(messages, (message, i) => {
        const next = messages[i + 1];
        const results = (next && userOf(next)?.userInputMessageContext?.toolResults) ?? [];
        const ids = new Set(results.map((result) => result.toolUseId));
        return firstOf(assistantOf(message)?.toolUses ?? [], (use) =>
          ids.has(use.toolUseId)
            ? undefined
            : `toolUse ${use.toolUseId} (message ${i}) has no toolResult in the next message`,
        );
      });
    },
  },
  {
    id: 'unique-tool-use-ids',
    summary: 'each toolUseId is used once and answered once, in the whole conversation',
    source:
      '§2.8 [S]: AIC and CPA deduplicate toolResults because duplicates are rejected; across turns ' +
      'inferred from the Anthropic Messages API ("tool_use ids must be unique")',
    reason: null,
    violation: (body) => {
      const messages = conversationOf(body);
      const uses = messages.flatMap((m) => assistantOf(m)?.toolUses ?? []);
      const results = messages.flatMap(
        (m) => userOf(m)?.userInputMessageContext?.toolResults ?? [],
      );
      const duplicate =
        firstDuplicate(uses.map((use) => use.toolUseId)) ??
        firstDuplicate(results.map((result) => result.toolUseId));
      return duplicate === undefined ? undefined : `toolUseId ${duplicate} is duplicated`;
    },
  },
  {
    id: 'tools-required-with-tool-history',
    summary: 'when the conversation has tool activity, the current message defines tools',
    source:
      '§2.8 [C]: CPA, KRS, AIC, AWS add placeholder tools; JW: rejected "toolResults but no tools"',
    reason: null,
    violation: (body) => {
      const active = conversationOf(body).some(
        (message) =>
          (assistantOf(message)?.toolUses?.length ?? 0) > 0 ||
          (userOf(message)?.userInputMessageContext?.toolResults?.length ?? 0) > 0,
      );
      return active && currentToolsOf(body).length === 0
        ? 'tool activity in the conversation but no tools on the current message'
        : undefined;
    },
  },
  {
    id: 'tools-cover-history',
    summary: 'every tool name used in history is defined in the current tools',
    source: '§2.8 [C]: KRS synthesises "Tool used in conversation history" specs for this',
    reason: null,
    violation: (body) => {
      const names = new Set(toolSpecsOf(body).map((spec) => spec['name']));
      return firstOf(historyOf(body), (message) =>
        firstOf(assistantOf(message)?.toolUses ?? [], (use) =>
          names.has(use.name) ? undefined : `tool ${use.name} used in history is not defined`,
        ),
      );
    },
  },
  {
    id: 'no-cache-point-tools',
    summary: 'tools are toolSpecification entries only (no cachePoint)',
    source: '§2.5 [A] union; no Kiro client sends cachePoint tools',
    reason: toolSchemaInvalid,
    violation: (body) =>
      firstOf(currentToolsOf(body), (tool, i) =>
        tool.cachePoint !== undefined || tool.toolSpecification === undefined
          ? `tools[${i}] is not a toolSpecification`
          : undefined,
      ),
  },
  {
    id: 'tool-name-pattern',
    summary: 'tool names match ^[a-zA-Z][a-zA-Z0-9_]*$',
    source: '§2.9: AWS tool_manager.rs',
    reason: toolSchemaInvalid,
    violation: (body) =>
      firstOf(toolSpecsOf(body), ({ name }) =>
        typeof name === 'string' && toolNamePattern.test(name)
          ? undefined
          : `tool name ${JSON.stringify(name)} does not match the pattern`,
      ),
  },
  {
    id: 'tool-name-length',
    summary: `tool names are at most ${maxToolNameChars} characters`,
    source: '§2.9: AWS rejects > 64; JW and AIC cap at 64',
    reason: toolSchemaInvalid,
    violation: (body) =>
      firstOf(toolSpecsOf(body), ({ name }) =>
        String(name).length > maxToolNameChars
          ? `tool name ${String(name)} is too long`
          : undefined,
      ),
  },
  {
    id: 'unique-tool-names',
    summary: 'tool names are unique',
    source: 'inferred: the models behind Kiro refuse duplicate tool names (an Anthropic API rule)',
    reason: toolSchemaInvalid,
    violation: (body) => {
      const duplicate = firstDuplicate(toolSpecsOf(body).map((spec) => String(spec['name'])));
      return duplicate === undefined ? undefined : `tool ${duplicate} is defined twice`;
    },
  },
  {
    id: 'tool-description',
    summary: `tool descriptions are non-blank strings of at most ${maxToolDescriptionChars} characters`,
    source: '§2.9: AWS truncates at 10 004 and drops empty ones; JW: "description too long" → 400',
    reason: toolSchemaInvalid,
    violation: (body) =>
      firstOf(toolSpecsOf(body), ({ name, description }) => {
        if (typeof description !== 'string' || description.trim() === '') {
          return `tool ${String(name)} has no description`;
        }
        return description.length > maxToolDescriptionChars
          ? `tool ${String(name)} description has ${description.length} characters`
          : undefined;
      }),
  },
  {
    id: 'tool-input-schema',
    summary: 'every tool has inputSchema.json, a JSON-Schema object',
    source: '§2.5 [A]: inputSchema is required',
    reason: toolSchemaInvalid,
    violation: (body) =>
      firstOf(toolSpecsOf(body), ({ name, inputSchema }) =>
        isObject(inputSchema) && isObject(inputSchema['json'])
          ? undefined
          : `tool ${String(name)} has no inputSchema.json object`,
      ),
  },
  {
    id: 'tool-use-input',
    summary: 'toolUses input is a JSON object without empty-string keys',
    source: '§2.6 [A][C]: input is an object, not a string; §2.8 [S] AIC: empty keys are rejected',
    reason: null,
    violation: (body) =>
      firstOf(historyOf(body), (message, i) =>
        firstOf(assistantOf(message)?.toolUses ?? [], (use) =>
          isObject(use.input)
            ? emptyKeyPath(use.input, `history[${i}] toolUse ${use.toolUseId} input`)
            : `history[${i}] toolUse ${use.toolUseId} input is not an object`,
        ),
      ),
  },
  {
    id: 'tool-result-status',
    summary: 'toolResults status, when present, is success or error',
    source: '§2.5 [A] enum',
    reason: null,
    violation: (body) =>
      firstOf(userMessagesOf(body), (message) =>
        firstOf(message.userInputMessageContext?.toolResults ?? [], ({ status, toolUseId }) =>
          status === undefined || status === 'success' || status === 'error'
            ? undefined
            : `toolResult ${toolUseId} status ${status} is not allowed`,
        ),
      ),
  },
];
