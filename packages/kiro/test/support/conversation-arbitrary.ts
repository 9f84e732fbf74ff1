import fc from 'fast-check';

/** Arbitrary Anthropic conversations with every shape Kiro dislikes: empty text, orphan and
 * duplicate tool blocks, invalid tool names, images, thinking, nulls, consecutive roles. */
const png =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
// Text never holds a simulator directive line.
const text = (maxLength: number) =>
  fc.string({ maxLength }).filter((value) => !value.includes('sim:'));

const textBlock = fc.oneof(
  fc.constant({ type: 'text', text: '' }),
  fc.constant({ type: 'text', text: '   ' }),
  text(20)
    .filter((value) => value.length > 0)
    .map((value) => ({ type: 'text', text: value })),
);
const toolName = fc.constantFrom('Bash', 'Read', 'mcp__a-b__c', 'x'.repeat(80), '1bad name');
const toolId = fc.constantFrom('t1', 't2', 't3', 't4');
const userBlock = fc.oneof(
  textBlock,
  fc.record({
    type: fc.constant('tool_result'),
    tool_use_id: toolId,
    content: fc.oneof(text(10), fc.constant([])),
    is_error: fc.boolean(),
  }),
  fc.constant({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } }),
);
const assistantBlock = fc.oneof(
  textBlock,
  fc.record({
    type: fc.constant('tool_use'),
    id: toolId,
    name: toolName,
    // Nested objects and arrays, with empty-string keys at any depth (Kiro rejects them).
    input: fc.dictionary(
      fc.string({ maxLength: 3 }),
      fc.oneof(
        fc.constant(null),
        fc.integer(),
        fc.dictionary(fc.string({ maxLength: 2 }), fc.oneof(fc.constant(null), fc.integer())),
        fc.array(fc.dictionary(fc.constantFrom('', 'k'), fc.integer()), { maxLength: 2 }),
      ),
    ),
  }),
  text(10).map((thinking) => ({ type: 'thinking', thinking, signature: 's' })),
);
export const conversationMessage = fc.oneof(
  fc.record({
    role: fc.constant('user'),
    content: fc.oneof(text(10), fc.array(userBlock, { maxLength: 4 })),
  }),
  fc.record({
    role: fc.constant('assistant'),
    content: fc.oneof(text(10), fc.array(assistantBlock, { maxLength: 4 })),
  }),
  fc.record({ role: fc.constant('system'), content: text(10) }),
);

export const conversationTools = fc.option(
  fc.array(fc.record({ name: toolName, description: text(5) }), { maxLength: 3 }),
);
export const conversationToolChoice = fc.option(
  fc.constantFrom(
    { type: 'auto' },
    { type: 'any' },
    { type: 'none' },
    { type: 'tool', name: 'Bash' },
  ),
);

/** A whole request body (without model and max_tokens). */
export const conversationRequest = fc
  .tuple(
    fc.array(conversationMessage, { minLength: 1, maxLength: 12 }),
    conversationTools,
    conversationToolChoice,
  )
  .map(([messages, tools, toolChoice]) => ({
    messages,
    ...(tools ? { tools } : {}),
    ...(toolChoice ? { tool_choice: toolChoice } : {}),
  }));
