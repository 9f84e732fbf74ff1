import { z } from 'zod';

/**
 * OpenAI chat chunks as an upstream sends them, validated leniently (loose objects, only the fields
 * the converters read; `null` accepted wherever servers send it).
 */
export const openAIChatChunkSchema = z.looseObject({
  id: z.string(),
  created: z.number().nullish(),
  model: z.string().nullish(),
  choices: z.array(
    z.looseObject({
      index: z.number().int().nonnegative(),
      delta: z
        .looseObject({
          content: z.string().nullish(),
          reasoning_content: z.string().nullish(),
          refusal: z.string().nullish(),
          tool_calls: z
            .array(
              z.looseObject({
                index: z.number().int().nonnegative(),
                id: z.string().nullish(),
                type: z.string().nullish(),
                function: z
                  .looseObject({ name: z.string().nullish(), arguments: z.string().nullish() })
                  .nullish(),
                custom: z
                  .looseObject({ name: z.string().nullish(), input: z.string().nullish() })
                  .nullish(),
              }),
            )
            .nullish(),
        })
        .nullish(),
      finish_reason: z.string().nullish(),
    }),
  ),
  usage: z
    .looseObject({
      prompt_tokens: z.number(),
      completion_tokens: z.number(),
      total_tokens: z.number().nullish(),
      prompt_tokens_details: z.looseObject({ cached_tokens: z.number().nullish() }).nullish(),
    })
    .nullish(),
});

/** An OpenAI error object, in a body or mid-stream. */
export const openAIErrorBodySchema = z.looseObject({
  error: z.looseObject({ message: z.string().nullish(), type: z.string().nullish() }),
});
