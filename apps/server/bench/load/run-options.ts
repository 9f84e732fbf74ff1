import { parseArgs } from 'node:util';

export const scenarioIds = ['S1', 'S2', 'S3', 'S4', 'CPU', 'S7', 'S5'] as const;
export type ScenarioId = (typeof scenarioIds)[number];

export interface RunOptions {
  quick: boolean;
  pin: boolean;
  scenarios: ReadonlySet<ScenarioId>;
  /** Wait up to this many seconds for a 1-minute load average below 1.0 before starting. */
  waitIdleSeconds: number;
  /** Where the JSON goes; default `bench/results/<date>-<sha>.json` (a temp file for --quick). */
  out: string | undefined;
}

export const usage = `Usage: bench:load [--quick] [--no-pin] [--only S1,S2,S3,S4,CPU,S7,S5]
                  [--wait-idle <seconds>] [--out <file.json>]`;

export function parseRunOptions(argv: readonly string[]): RunOptions {
  // `pnpm run bench:load -- --quick` hands the separator on to the script.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  const { values } = parseArgs({
    args,
    strict: true,
    allowNegative: true,
    options: {
      quick: { type: 'boolean', default: false },
      pin: { type: 'boolean', default: true },
      only: { type: 'string' },
      'wait-idle': { type: 'string', default: '0' },
      out: { type: 'string' },
    },
  });
  const only = values.only?.split(',').map((id) => id.trim().toUpperCase());
  const unknown = only?.filter((id) => !(scenarioIds as readonly string[]).includes(id));
  if (unknown !== undefined && unknown.length > 0) {
    throw new Error(`unknown scenario ${unknown.join(', ')}\n${usage}`);
  }
  const waitIdleSeconds = Number(values['wait-idle']);
  if (!Number.isFinite(waitIdleSeconds) || waitIdleSeconds < 0) {
    throw new Error(`--wait-idle: not a number of seconds\n${usage}`);
  }
  return {
    quick: values.quick,
    pin: values.pin,
    scenarios: new Set((only ?? scenarioIds) as ScenarioId[]),
    waitIdleSeconds,
    out: values.out,
  };
}
