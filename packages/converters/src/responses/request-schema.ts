import { z } from 'zod';

import { openAIReasoningEffortSchema } from '../openai/request-schema';

/**
 * What clients (Codex CLI, Cursor's agent, the official SDKs) send to `POST /v1/responses`, validated
 * leniently: every object is loose, unknown input items, content parts and tools pass through (the
 * converter drops them with a warning), and only what the converter reads is checked.
 * @see https://platform.openai.com/docs/api-reference/responses/create
 */

/** Marks a schema as the catch-all for `type` values none of `known` models. */
function unknownTyped(known: readonly string[], what: string) {
  const knownTypes: ReadonlySet<string> = new Set(known);
  return z.looseObject({ type: z.string() }).refine((value) => !knownTypes.has(value.type), {
    message: `Invalid ${what}`,
    // Aborting lets the union report why the known shape failed, instead of this generic message.
    abort: true,
  });
}

export const responsesInputTextPartSchema = z.looseObject({
  type: z.literal('input_text'),
  text: z.string(),
});

export const responsesInputImagePartSchema = z.looseObject({
  type: z.literal('input_image'),
  image_url: z.string().nullish(),
  file_id: z.string().nullish(),
  detail: z.string().nullish(),
});

export const responsesInputFilePartSchema = z.looseObject({
  type: z.literal('input_file'),
  file_data: z.string().nullish(),
  file_id: z.string().nullish(),
  file_url: z.string().nullish(),
  filename: z.string().nullish(),
});

export const responsesInputAudioPartSchema = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string(), format: z.string() }),
});

export const responsesOutputTextPartSchema = z.looseObject({
  type: z.literal('output_text'),
  text: z.string(),
});

export const responsesRefusalPartSchema = z.looseObject({
  type: z.literal('refusal'),
  refusal: z.string(),
});

const knownPartSchemas = [
  responsesInputTextPartSchema,
  responsesInputImagePartSchema,
  responsesInputFilePartSchema,
  responsesInputAudioPartSchema,
  responsesOutputTextPartSchema,
  responsesRefusalPartSchema,
] as const;

export const responsesContentPartSchema = z.union([
  z.discriminatedUnion('type', knownPartSchemas),
  unknownTyped(
    knownPartSchemas.map((schema) => schema.shape.type.value),
    'content part',
  ),
]);

/** A message item; `type` may be left out (the SDK's "easy input message"). */
export const responsesMessageItemSchema = z.looseObject({
  type: z.literal('message').optional(),
  id: z.string().nullish(),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([z.string(), z.array(responsesContentPartSchema)]),
});

const toolOutputSchema = z.union([z.string(), z.array(responsesContentPartSchema)]);

export const responsesFunctionCallItemSchema = z.looseObject({
  type: z.literal('function_call'),
  id: z.string().nullish(),
  call_id: z.string().min(1),
  name: z.string().min(1),
  namespace: z.string().nullish(),
  arguments: z.string(),
});

export const responsesFunctionCallOutputItemSchema = z.looseObject({
  type: z.literal('function_call_output'),
  call_id: z.string().min(1),
  output: toolOutputSchema,
});

export const responsesCustomToolCallItemSchema = z.looseObject({
  type: z.literal('custom_tool_call'),
  id: z.string().nullish(),
  call_id: z.string().min(1),
  name: z.string().min(1),
  namespace: z.string().nullish(),
  input: z.string(),
});

export const responsesCustomToolCallOutputItemSchema = z.looseObject({
  type: z.literal('custom_tool_call_output'),
  call_id: z.string().min(1),
  output: toolOutputSchema,
});

export const responsesReasoningItemSchema = z.looseObject({
  type: z.literal('reasoning'),
  id: z.string().nullish(),
  summary: z.array(z.looseObject({ type: z.string(), text: z.string() })).nullish(),
  content: z.array(z.looseObject({ type: z.string(), text: z.string() })).nullish(),
  encrypted_content: z.string().nullish(),
});

export const responsesLocalShellActionSchema = z.looseObject({
  type: z.literal('exec'),
  command: z.array(z.string()),
  working_directory: z.string().nullish(),
  timeout_ms: z.number().nullish(),
  env: z.record(z.string(), z.string()).nullish(),
  user: z.string().nullish(),
});

export const responsesLocalShellCallItemSchema = z.looseObject({
  type: z.literal('local_shell_call'),
  id: z.string().nullish(),
  call_id: z.string().nullish(),
  status: z.string().nullish(),
  action: responsesLocalShellActionSchema,
});

/** OpenAI names the call by `id`; Codex sends `call_id`. Either is accepted. */
export const responsesLocalShellCallOutputItemSchema = z.looseObject({
  type: z.literal('local_shell_call_output'),
  id: z.string().nullish(),
  call_id: z.string().nullish(),
  output: z.string(),
});

export const responsesWebSearchCallItemSchema = z.looseObject({
  type: z.literal('web_search_call'),
  id: z.string().nullish(),
  status: z.string().nullish(),
  action: z.looseObject({ type: z.string(), query: z.string().nullish() }).nullish(),
});

export const responsesItemReferenceSchema = z.looseObject({
  type: z.literal('item_reference'),
  id: z.string(),
});

const typedItemSchemas = [
  responsesFunctionCallItemSchema,
  responsesFunctionCallOutputItemSchema,
  responsesCustomToolCallItemSchema,
  responsesCustomToolCallOutputItemSchema,
  responsesReasoningItemSchema,
  responsesLocalShellCallItemSchema,
  responsesLocalShellCallOutputItemSchema,
  responsesWebSearchCallItemSchema,
  responsesItemReferenceSchema,
] as const;

export const responsesInputItemSchema = z.union([
  responsesMessageItemSchema,
  z.discriminatedUnion('type', typedItemSchemas),
  unknownTyped(['message', ...typedItemSchemas.map((schema) => schema.shape.type.value)], 'item'),
]);

export const responsesFunctionToolSchema = z.looseObject({
  type: z.literal('function'),
  name: z.string().min(1),
  description: z.string().nullish(),
  parameters: z.looseObject({}).nullish(),
  strict: z.boolean().nullish(),
});

export const responsesCustomToolFormatSchema = z.union([
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('grammar'), syntax: z.string(), definition: z.string() }),
]);

/** A freeform tool whose input is one raw string, optionally constrained by a grammar. */
export const responsesCustomToolSchema = z.looseObject({
  type: z.literal('custom'),
  name: z.string().min(1),
  description: z.string().nullish(),
  format: responsesCustomToolFormatSchema.nullish(),
});

export const responsesLocalShellToolSchema = z.looseObject({ type: z.literal('local_shell') });

/** Function and custom tools grouped under a name the calls carry back as `namespace`. */
export const responsesNamespaceToolSchema = z.looseObject({
  type: z.literal('namespace'),
  name: z.string().min(1),
  description: z.string().nullish(),
  tools: z.array(
    z.discriminatedUnion('type', [responsesFunctionToolSchema, responsesCustomToolSchema]),
  ),
});

const knownToolSchemas = [
  responsesFunctionToolSchema,
  responsesCustomToolSchema,
  responsesLocalShellToolSchema,
  responsesNamespaceToolSchema,
] as const;

/** Known client tools, or any other type (hosted tools such as `web_search`), dropped with a warning. */
export const responsesToolSchema = z.union([
  z.discriminatedUnion('type', knownToolSchemas),
  unknownTyped(
    knownToolSchemas.map((schema) => schema.shape.type.value),
    'tool',
  ),
]);

const namedToolReferenceSchema = z.looseObject({
  type: z.enum(['function', 'custom']),
  name: z.string(),
});

export const responsesToolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  namedToolReferenceSchema,
  z.looseObject({
    type: z.literal('allowed_tools'),
    mode: z.enum(['auto', 'required']),
    tools: z.array(z.looseObject({ type: z.string(), name: z.string().optional() })),
  }),
  /** A hosted tool (`web_search`, `file_search`, `mcp`, …) or a type we do not know. */
  z.looseObject({ type: z.string() }),
]);

export const responsesTextFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    name: z.string(),
    description: z.string().nullish(),
    schema: z.looseObject({}).nullish(),
    strict: z.boolean().nullish(),
  }),
]);

export const responsesReasoningSchema = z.looseObject({
  effort: openAIReasoningEffortSchema.nullish(),
  summary: z.enum(['auto', 'concise', 'detailed']).nullish(),
});

/** `POST /v1/responses` body. */
export const responsesRequestSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(responsesInputItemSchema)]).optional(),
  instructions: z.string().nullish(),
  tools: z.array(responsesToolSchema).nullish(),
  tool_choice: responsesToolChoiceSchema.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  reasoning: responsesReasoningSchema.nullish(),
  max_output_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  text: z
    .looseObject({ format: responsesTextFormatSchema.nullish(), verbosity: z.string().nullish() })
    .nullish(),
  stream: z.boolean().nullish(),
  store: z.boolean().nullish(),
  include: z.array(z.string()).nullish(),
  previous_response_id: z.string().nullish(),
  prompt_cache_key: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  user: z.string().nullish(),
  safety_identifier: z.string().nullish(),
  truncation: z.string().nullish(),
  service_tier: z.string().nullish(),
  max_tool_calls: z.number().int().nullish(),
  top_logprobs: z.number().int().nullish(),
  background: z.boolean().nullish(),
});

export type ResponsesContentPart = z.infer<typeof responsesContentPartSchema>;
export type ResponsesMessageItem = z.infer<typeof responsesMessageItemSchema>;
export type ResponsesFunctionCallItem = z.infer<typeof responsesFunctionCallItemSchema>;
export type ResponsesCustomToolCallItem = z.infer<typeof responsesCustomToolCallItemSchema>;
export type ResponsesReasoningItem = z.infer<typeof responsesReasoningItemSchema>;
export type ResponsesLocalShellCallItem = z.infer<typeof responsesLocalShellCallItemSchema>;
export type ResponsesLocalShellAction = z.infer<typeof responsesLocalShellActionSchema>;
export type ResponsesInputItem = z.infer<typeof responsesInputItemSchema>;
export type ResponsesFunctionTool = z.infer<typeof responsesFunctionToolSchema>;
export type ResponsesCustomTool = z.infer<typeof responsesCustomToolSchema>;
export type ResponsesNamespaceTool = z.infer<typeof responsesNamespaceToolSchema>;
export type ResponsesTool = z.infer<typeof responsesToolSchema>;
export type ResponsesToolChoice = z.infer<typeof responsesToolChoiceSchema>;
export type ResponsesTextFormat = z.infer<typeof responsesTextFormatSchema>;
export type ResponsesReasoning = z.infer<typeof responsesReasoningSchema>;
export type ResponsesRequest = z.infer<typeof responsesRequestSchema>;
