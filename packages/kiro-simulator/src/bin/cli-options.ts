import { parseArgs } from 'node:util';

import { z } from 'zod';

export const usage = `Usage: kiro-simulator [options]

Starts a Kiro upstream simulator and prints its URLs and account credentials as JSON.

Options:
  --port <n>                   port to listen on (default 8787; 0 picks a free one)
  --host <host>                address to bind (default 127.0.0.1)
  --accounts <n>               accounts to create (default 1)
  --auth-method <list>         social, builder-id, idc, api-key or external-idp; a comma list
                               cycles (default social)
  --plan <plan>                FREE, PRO, PRO_PLUS or POWER (default PRO)
  --first-token-delay-ms <n>   delay before the first frame of each answer (default 0)
  --tokens-per-second <n>      output pace after the first frame (default unlimited)
  --token-lifetime <s>         access-token lifetime in seconds (default 3600)
  --seed <n>                   seed for probabilistic faults and ids (default 1)
  --no-strict-headers          accept API calls without amz-sdk-* headers
  -h, --help                   show this help
`;

const authMethod = z.enum(['social', 'builder-id', 'idc', 'api-key', 'external-idp']);
const count = (min: number) => z.coerce.number().int().min(min);

const cliSchema = z.object({
  port: count(0).max(65_535).default(8787),
  host: z.string().min(1).default('127.0.0.1'),
  accounts: count(0).default(1),
  authMethods: z
    .string()
    .default('social')
    .transform((list) => list.split(',').map((item) => item.trim()))
    .pipe(z.array(authMethod).min(1)),
  plan: z.enum(['FREE', 'PRO', 'PRO_PLUS', 'POWER']).default('PRO'),
  firstTokenDelayMs: z.coerce.number().min(0).optional(),
  tokensPerSecond: z.coerce.number().positive().optional(),
  tokenLifetime: z.coerce.number().positive().optional(),
  seed: z.coerce.number().int().optional(),
  strictHeaders: z.boolean().default(true),
});

export type CliOptions = z.infer<typeof cliSchema>;

/** Parses the command line; `help` when the user asked for it. */
export function parseCli(argv: readonly string[]): CliOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowNegative: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      accounts: { type: 'string' },
      'auth-method': { type: 'string' },
      plan: { type: 'string' },
      'first-token-delay-ms': { type: 'string' },
      'tokens-per-second': { type: 'string' },
      'token-lifetime': { type: 'string' },
      seed: { type: 'string' },
      'strict-headers': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return 'help';
  return cliSchema.parse({
    port: values.port,
    host: values.host,
    accounts: values.accounts,
    authMethods: values['auth-method'],
    plan: values.plan,
    firstTokenDelayMs: values['first-token-delay-ms'],
    tokensPerSecond: values['tokens-per-second'],
    tokenLifetime: values['token-lifetime'],
    seed: values.seed,
    strictHeaders: values['strict-headers'],
  });
}
