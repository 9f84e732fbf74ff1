import { z } from 'zod';

/**
 * What clients send to `POST /v1/messages`, validated leniently: every object is loose, so fields
 * clients add next month pass through untouched. Known block types are checked; unknown block types
 * (server tools, new betas) pass as {@link AnthropicUnknownBlockParam}.
 * @see https://docs.claude.com/en/api/messages
 */

const cacheControlSchema = z.looseObject({ type: z.string(), ttl: z.string().optional() });

export const anthropicTextBlockParamSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  cache_control: cacheControlSchema.nullish(),
  citations: z.array(z.unknown()).nullish(),
});

export const anthropicImageSourceSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('base64'), media_type: z.string(), data: z.string() }),
  z.looseObject({ type: z.literal('url'), url: z.string() }),
  z.looseObject({ type: z.literal('file'), file_id: z.string() }),
]);

export const anthropicImageBlockParamSchema = z.looseObject({
  type: z.literal('image'),
  source: anthropicImageSourceSchema,
  cache_control: cacheControlSchema.nullish(),
});

export const anthropicDocumentBlockParamSchema = z.looseObject({
  type: z.literal('document'),
  source: z.looseObject({ type: z.string() }),
  title: z.string().nullish(),
  context: z.string().nullish(),
  cache_control: cacheControlSchema.nullish(),
});

export const anthropicToolUseBlockParamSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: z.unknown(),
  cache_control: cacheControlSchema.nullish(),
});

export const anthropicThinkingBlockParamSchema = z.looseObject({
  type: z.literal('thinking'),
  thinking: z.string(),
  signature: z.string().optional(),
});

export const anthropicRedactedThinkingBlockParamSchema = z.looseObject({
  type: z.literal('redacted_thinking'),
  data: z.string(),
});

/** Blocks allowed inside a `tool_result`'s content array. */
const toolResultContentBlockSchema = z.union([
  anthropicTextBlockParamSchema,
  anthropicImageBlockParamSchema,
  anthropicDocumentBlockParamSchema,
  z.looseObject({ type: z.string() }),
]);

export const anthropicToolResultBlockParamSchema = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string(),
  content: z.union([z.string(), z.array(toolResultContentBlockSchema)]).optional(),
  is_error: z.boolean().optional(),
  cache_control: cacheControlSchema.nullish(),
});

const knownBlockSchemas = [
  anthropicTextBlockParamSchema,
  anthropicImageBlockParamSchema,
  anthropicDocumentBlockParamSchema,
  anthropicToolUseBlockParamSchema,
  anthropicToolResultBlockParamSchema,
  anthropicThinkingBlockParamSchema,
  anthropicRedactedThinkingBlockParamSchema,
] as const;

const knownBlockTypes: ReadonlySet<string> = new Set(
  knownBlockSchemas.map((schema) => schema.shape.type.value),
);

/** A block type this package does not model (e.g. `server_tool_use`); kept as sent. */
export const anthropicUnknownBlockParamSchema = z
  .looseObject({ type: z.string() })
  .refine((block) => !knownBlockTypes.has(block.type), {
    message: 'Invalid content block',
    // Aborting lets the union report why the known block failed, instead of this generic message.
    abort: true,
  });

export const anthropicContentBlockParamSchema = z.union([
  z.discriminatedUnion('type', knownBlockSchemas),
  anthropicUnknownBlockParamSchema,
]);

export const anthropicMessageParamSchema = z.looseObject({
  /** `system` inside `messages` is the mid-conversation-system beta (Claude Code 2.x sends it). */
  role: z.enum(['user', 'assistant', 'system']),
  content: z.union([z.string(), z.array(anthropicContentBlockParamSchema)]),
});

export const anthropicToolSchema = z.looseObject({
  /** Absent or `custom` for client tools; a versioned name (e.g. `web_search_20250305`) for server tools. */
  type: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  input_schema: z.looseObject({}).optional(),
  cache_control: cacheControlSchema.nullish(),
});

export const anthropicToolChoiceSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('auto'), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('any'), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('none') }),
  z.looseObject({
    type: z.literal('tool'),
    name: z.string(),
    disable_parallel_tool_use: z.boolean().optional(),
  }),
]);

export const anthropicThinkingConfigSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('enabled'), budget_tokens: z.number().int().nonnegative() }),
  z.looseObject({ type: z.literal('disabled') }),
  z.looseObject({ type: z.literal('adaptive') }),
]);

export const anthropicSystemSchema = z.union([z.string(), z.array(anthropicTextBlockParamSchema)]);

const requestFields = {
  model: z.string().min(1),
  messages: z.array(anthropicMessageParamSchema),
  system: anthropicSystemSchema.optional(),
  tools: z.array(anthropicToolSchema).optional(),
  tool_choice: anthropicToolChoiceSchema.optional(),
  thinking: anthropicThinkingConfigSchema.optional(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).nullish(),
  output_config: z.looseObject({ effort: z.string().optional() }).nullish(),
  context_management: z.unknown().optional(),
};

/** `POST /v1/messages` body. */
export const anthropicMessagesRequestSchema = z.looseObject({
  ...requestFields,
  max_tokens: z.number().int().positive(),
  stream: z.boolean().optional(),
  stop_sequences: z.array(z.string()).optional(),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().nonnegative().optional(),
});

/** `POST /v1/messages/count_tokens` body: the same as a message request without output settings. */
export const anthropicCountTokensRequestSchema = z.looseObject(requestFields);

export type AnthropicTextBlockParam = z.infer<typeof anthropicTextBlockParamSchema>;
export type AnthropicImageSource = z.infer<typeof anthropicImageSourceSchema>;
export type AnthropicImageBlockParam = z.infer<typeof anthropicImageBlockParamSchema>;
export type AnthropicDocumentBlockParam = z.infer<typeof anthropicDocumentBlockParamSchema>;
export type AnthropicToolUseBlockParam = z.infer<typeof anthropicToolUseBlockParamSchema>;
export type AnthropicToolResultBlockParam = z.infer<typeof anthropicToolResultBlockParamSchema>;
export type AnthropicThinkingBlockParam = z.infer<typeof anthropicThinkingBlockParamSchema>;
export type AnthropicRedactedThinkingBlockParam = z.infer<
  typeof anthropicRedactedThinkingBlockParamSchema
>;
export type AnthropicUnknownBlockParam = z.infer<typeof anthropicUnknownBlockParamSchema>;
export type AnthropicContentBlockParam = z.infer<typeof anthropicContentBlockParamSchema>;
export type AnthropicMessageParam = z.infer<typeof anthropicMessageParamSchema>;
export type AnthropicTool = z.infer<typeof anthropicToolSchema>;
export type AnthropicToolChoice = z.infer<typeof anthropicToolChoiceSchema>;
export type AnthropicThinkingConfig = z.infer<typeof anthropicThinkingConfigSchema>;
export type AnthropicSystem = z.infer<typeof anthropicSystemSchema>;
export type AnthropicMessagesRequest = z.infer<typeof anthropicMessagesRequestSchema>;
export type AnthropicCountTokensRequest = z.infer<typeof anthropicCountTokensRequestSchema>;
