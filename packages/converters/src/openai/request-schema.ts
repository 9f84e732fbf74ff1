import { z } from 'zod';

/**
 * What clients send to `POST /v1/chat/completions`, validated leniently: every object is loose, so
 * fields clients add next month pass through untouched. Only what the converters read is checked.
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */

export const openAITextPartSchema = z.looseObject({ type: z.literal('text'), text: z.string() });

export const openAIImagePartSchema = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({ url: z.string(), detail: z.string().optional() }),
});

export const openAIAudioPartSchema = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string(), format: z.string() }),
});

export const openAIFilePartSchema = z.looseObject({
  type: z.literal('file'),
  file: z.looseObject({
    file_data: z.string().optional(),
    file_id: z.string().optional(),
    filename: z.string().optional(),
  }),
});

export const openAIRefusalPartSchema = z.looseObject({
  type: z.literal('refusal'),
  refusal: z.string(),
});

export const openAIUserContentPartSchema = z.discriminatedUnion('type', [
  openAITextPartSchema,
  openAIImagePartSchema,
  openAIAudioPartSchema,
  openAIFilePartSchema,
]);

const textContentSchema = z.union([z.string(), z.array(openAITextPartSchema)]);

export const openAIFunctionToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal('function'),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});

export const openAICustomToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal('custom'),
  custom: z.looseObject({ name: z.string(), input: z.string() }),
});

export const openAIToolCallSchema = z.discriminatedUnion('type', [
  openAIFunctionToolCallSchema,
  openAICustomToolCallSchema,
]);

/** LiteLLM-style replay of Anthropic thinking blocks on an assistant message. */
export const openAIThinkingBlockSchema = z.looseObject({
  type: z.string(),
  thinking: z.string().optional(),
  signature: z.string().optional(),
  data: z.string().optional(),
});

export const openAISystemMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer']),
  /** Text; images are accepted too and moved into the first user message. */
  content: z.union([
    z.string(),
    z.array(z.discriminatedUnion('type', [openAITextPartSchema, openAIImagePartSchema])),
  ]),
  name: z.string().optional(),
});

export const openAIUserMessageSchema = z.looseObject({
  role: z.literal('user'),
  content: z.union([z.string(), z.array(openAIUserContentPartSchema)]),
  name: z.string().optional(),
});

export const openAIAssistantMessageSchema = z.looseObject({
  role: z.literal('assistant'),
  content: z
    .union([z.string(), z.array(z.union([openAITextPartSchema, openAIRefusalPartSchema]))])
    .nullish(),
  refusal: z.string().nullish(),
  name: z.string().optional(),
  tool_calls: z.array(openAIToolCallSchema).nullish(),
  function_call: z.looseObject({ name: z.string(), arguments: z.string() }).nullish(),
  /** Non-standard (DeepSeek, xAI, this package): the reasoning that preceded the answer. */
  reasoning_content: z.string().nullish(),
  /** Non-standard alias of `reasoning_content` (OpenRouter style). */
  reasoning: z.string().nullish(),
  /** Non-standard (LiteLLM style): thinking blocks with their signatures. */
  thinking_blocks: z.array(openAIThinkingBlockSchema).nullish(),
});

export const openAIToolMessageSchema = z.looseObject({
  role: z.literal('tool'),
  tool_call_id: z.string(),
  content: textContentSchema,
});

/** Legacy: the result of a `function_call`. */
export const openAIFunctionMessageSchema = z.looseObject({
  role: z.literal('function'),
  name: z.string(),
  content: z.string().nullable(),
});

export const openAIMessageSchema = z.discriminatedUnion('role', [
  openAISystemMessageSchema,
  openAIUserMessageSchema,
  openAIAssistantMessageSchema,
  openAIToolMessageSchema,
  openAIFunctionMessageSchema,
]);

export const openAIFunctionDefinitionSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  parameters: z.looseObject({}).optional(),
  strict: z.boolean().nullish(),
});

export const openAIFunctionToolSchema = z.looseObject({
  type: z.literal('function'),
  function: openAIFunctionDefinitionSchema,
});

const grammarSchema = z.looseObject({ syntax: z.string(), definition: z.string() });

export const openAICustomToolFormatSchema = z.union([
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('grammar'), grammar: grammarSchema }),
  /** Responses-style flat grammar (Cursor, Codex), normalized to the nested form. */
  z
    .looseObject({ type: z.literal('grammar'), syntax: z.string(), definition: z.string() })
    .transform(({ syntax, definition }) => ({
      type: 'grammar' as const,
      grammar: { syntax, definition },
    })),
]);

const customToolDefinitionSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  format: openAICustomToolFormatSchema.optional(),
});

/** A freeform tool whose input is one raw string, optionally constrained by a grammar. */
export const openAICustomToolSchema = z.looseObject({
  type: z.literal('custom'),
  custom: customToolDefinitionSchema,
});

/**
 * Tools. Cursor mixes Responses-style flat tools (`{type, name, parameters}`) into chat requests;
 * they are accepted and normalized to the nested Chat Completions form.
 */
export const openAIToolSchema = z.union([
  openAIFunctionToolSchema,
  openAICustomToolSchema,
  openAIFunctionDefinitionSchema
    .extend({ type: z.literal('function') })
    .transform(({ type, ...definition }) => ({ type, function: definition })),
  customToolDefinitionSchema
    .extend({ type: z.literal('custom') })
    .transform(({ type, ...definition }) => ({ type, custom: definition })),
]);

const namedToolReferenceSchema = z.union([
  z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string() }) }),
  z.looseObject({ type: z.literal('custom'), custom: z.looseObject({ name: z.string() }) }),
]);

export const openAIToolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  namedToolReferenceSchema,
  z.looseObject({
    type: z.literal('allowed_tools'),
    allowed_tools: z.looseObject({
      mode: z.enum(['auto', 'required']),
      tools: z.array(namedToolReferenceSchema),
    }),
  }),
]);

export const openAIResponseFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string(),
      description: z.string().optional(),
      schema: z.looseObject({}).optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

export const openAIReasoningEffortSchema = z.enum([
  'none',
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
  'max',
]);

/** `POST /v1/chat/completions` body. */
export const openAIChatRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(openAIMessageSchema),
  stream: z.boolean().nullish(),
  stream_options: z
    .looseObject({
      include_usage: z.boolean().optional(),
      include_obfuscation: z.boolean().optional(),
    })
    .nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  n: z.number().int().positive().nullish(),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  tools: z.array(openAIToolSchema).nullish(),
  tool_choice: openAIToolChoiceSchema.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  functions: z.array(openAIFunctionDefinitionSchema).nullish(),
  function_call: z.union([z.enum(['none', 'auto']), z.looseObject({ name: z.string() })]).nullish(),
  response_format: openAIResponseFormatSchema.nullish(),
  reasoning_effort: openAIReasoningEffortSchema.nullish(),
  user: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

export type OpenAITextPart = z.infer<typeof openAITextPartSchema>;
export type OpenAIImagePart = z.infer<typeof openAIImagePartSchema>;
export type OpenAIAudioPart = z.infer<typeof openAIAudioPartSchema>;
export type OpenAIFilePart = z.infer<typeof openAIFilePartSchema>;
export type OpenAIUserContentPart = z.infer<typeof openAIUserContentPartSchema>;
export type OpenAIToolCallParam = z.infer<typeof openAIToolCallSchema>;
export type OpenAISystemMessage = z.infer<typeof openAISystemMessageSchema>;
export type OpenAIUserMessage = z.infer<typeof openAIUserMessageSchema>;
export type OpenAIAssistantMessageParam = z.infer<typeof openAIAssistantMessageSchema>;
export type OpenAIToolMessage = z.infer<typeof openAIToolMessageSchema>;
export type OpenAIFunctionMessage = z.infer<typeof openAIFunctionMessageSchema>;
export type OpenAIMessageParam = z.infer<typeof openAIMessageSchema>;
export type OpenAIFunctionDefinition = z.infer<typeof openAIFunctionDefinitionSchema>;
export type OpenAITool = z.infer<typeof openAIToolSchema>;
export type OpenAIToolChoice = z.infer<typeof openAIToolChoiceSchema>;
export type OpenAIResponseFormat = z.infer<typeof openAIResponseFormatSchema>;
export type OpenAIReasoningEffort = z.infer<typeof openAIReasoningEffortSchema>;
export type OpenAIChatRequest = z.infer<typeof openAIChatRequestSchema>;
