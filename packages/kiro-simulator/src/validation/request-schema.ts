import { z } from 'zod';

/**
 * The skeleton of a `generateAssistantResponse` body: container types and required strings only.
 * Unknown fields pass (the service ignores them; KRS sends a non-model `isError`). Enums, pairing and
 * limits are the named rules of `request-rules.ts`, so each violation reports its own rule.
 */
const toolResultContentBlock = z
  .looseObject({ text: z.string().optional(), json: z.unknown().optional() })
  .refine((block) => (block.text !== undefined) !== (block.json !== undefined), {
    message: 'a tool result content block holds exactly one of text or json',
  });

const toolResult = z.looseObject({
  toolUseId: z.string(),
  content: z.array(toolResultContentBlock),
  status: z.string().optional(),
});

const toolUse = z.looseObject({ toolUseId: z.string(), name: z.string(), input: z.unknown() });

const tool = z.looseObject({
  toolSpecification: z
    .looseObject({ name: z.unknown(), description: z.unknown(), inputSchema: z.unknown() })
    .optional(),
  cachePoint: z.unknown().optional(),
});

const userInputMessageContext = z.looseObject({
  tools: z.array(tool).optional(),
  toolResults: z.array(toolResult).optional(),
  envState: z.looseObject({ operatingSystem: z.string().optional() }).optional(),
});

const userInputMessage = z.looseObject({
  content: z.string(),
  userInputMessageContext: userInputMessageContext.optional(),
  images: z.array(z.unknown()).optional(),
  modelId: z.string().optional(),
  origin: z.string().optional(),
});

const assistantResponseMessage = z.looseObject({
  content: z.string(),
  toolUses: z.array(toolUse).optional(),
});

/** A union member: exactly one of the two keys. */
const chatMessage = z.union([
  z.strictObject({ userInputMessage }),
  z.strictObject({ assistantResponseMessage }),
]);

export const requestBodySchema = z.looseObject({
  conversationState: z.looseObject({
    currentMessage: chatMessage,
    chatTriggerType: z.string().optional(),
    conversationId: z.string().optional(),
    history: z.array(chatMessage).optional(),
    agentTaskType: z.string().optional(),
  }),
  profileArn: z.string().optional(),
});

export type KiroRequestBody = z.infer<typeof requestBodySchema>;
export type ChatMessage = z.infer<typeof chatMessage>;
export type UserInputMessage = z.infer<typeof userInputMessage>;
export type AssistantResponseMessage = z.infer<typeof assistantResponseMessage>;
export type ToolEntry = z.infer<typeof tool>;
