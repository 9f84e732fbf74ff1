import {
  defaultConfig,
  restartOnlyKeys,
  serverConfigSchema,
  type ConfigKey,
  type ServerConfig,
  type ServerConfigPatch,
} from './config-schema';
import { ConfigError, parseConfigPatch } from './parse-config-patch';

/** Where settings changed in the admin UI persist (the `settings` table in production). */
export interface SettingsStore {
  load(): Promise<Record<string, unknown>>;
  save(values: ServerConfigPatch): Promise<void>;
}

/** A store that keeps settings in memory only (tests, demo mode). */
export class MemorySettingsStore implements SettingsStore {
  private values: Record<string, unknown> = {};

  load(): Promise<Record<string, unknown>> {
    return Promise.resolve({ ...this.values });
  }

  save(values: ServerConfigPatch): Promise<void> {
    this.values = { ...values };
    return Promise.resolve();
  }
}

export interface SettingsUpdateResult {
  config: ServerConfig;
  /** Changed keys that apply only after a restart. */
  restartRequired: ConfigKey[];
  /** Keys whose stored value is shadowed by an environment variable. */
  overriddenByEnv: ConfigKey[];
}

type Listener = (config: ServerConfig, changed: ConfigKey[]) => void;

/**
 * The effective configuration, built from layers with this precedence (highest first):
 * environment variables > settings saved through the admin UI (database) > config file > defaults.
 * Listeners run on every change, so each subsystem applies new values without a restart.
 */
export class LiveSettings {
  private stored: ServerConfigPatch;
  private effective: ServerConfig;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly layers: {
      file: ServerConfigPatch;
      stored: ServerConfigPatch;
      env: ServerConfigPatch;
      store: SettingsStore;
    },
  ) {
    this.stored = layers.stored;
    this.effective = this.compose(this.stored);
  }

  /** Loads the stored layer; invalid stored values are reported, never silently used. */
  static async open(options: {
    file: ServerConfigPatch;
    env: ServerConfigPatch;
    store: SettingsStore;
  }): Promise<LiveSettings> {
    const raw = await options.store.load();
    const { patch } = parseConfigPatch(raw, { source: 'stored settings', unknownKeys: 'ignore' });
    return new LiveSettings({ ...options, stored: patch });
  }

  get current(): ServerConfig {
    return this.effective;
  }

  get overriddenByEnv(): ConfigKey[] {
    return Object.keys(this.layers.env) as ConfigKey[];
  }

  /** Validates and persists a patch from the admin UI, then applies it. */
  async update(raw: unknown): Promise<SettingsUpdateResult> {
    const { patch } = parseConfigPatch(raw, { source: 'the request body', unknownKeys: 'reject' });
    const stored = { ...this.stored, ...patch };
    const next = this.compose(stored);
    await this.layers.store.save(stored);
    this.stored = stored;
    const changed = this.apply(next);
    return {
      config: next,
      restartRequired: changed.filter((key) => restartOnlyKeys.has(key)),
      overriddenByEnv: (Object.keys(patch) as ConfigKey[]).filter((key) => key in this.layers.env),
    };
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private compose(stored: ServerConfigPatch): ServerConfig {
    const merged = { ...defaultConfig, ...this.layers.file, ...stored, ...this.layers.env };
    const parsed = serverConfigSchema.safeParse(merged);
    if (!parsed.success) {
      throw new ConfigError(
        'the combined configuration',
        parsed.error.issues.map((issue) => ({
          key: issue.path.map(String).join('.'),
          message: issue.message,
        })),
      );
    }
    return parsed.data;
  }

  private apply(next: ServerConfig): ConfigKey[] {
    const previous = this.effective;
    const changed = (Object.keys(next) as ConfigKey[]).filter(
      (key) => JSON.stringify(previous[key]) !== JSON.stringify(next[key]),
    );
    this.effective = next;
    if (changed.length > 0) for (const listener of this.listeners) listener(next, changed);
    return changed;
  }
}

/** The config layer contributed by environment variables. */
export function envConfigLayer(env: {
  port: number | undefined;
  host: string | undefined;
  logLevel: ServerConfig['logLevel'] | undefined;
  allowedHosts?: string[] | undefined;
  metricsToken?: string | undefined;
  requestTimeoutSeconds?: number | undefined;
  headersTimeoutSeconds?: number | undefined;
  maxConnections?: number | undefined;
}): ServerConfigPatch {
  const layer: ServerConfigPatch = {};
  if (env.port !== undefined) layer.port = env.port;
  if (env.host !== undefined) layer.host = env.host;
  if (env.logLevel !== undefined) layer.logLevel = env.logLevel;
  if (env.allowedHosts !== undefined) layer.allowedHosts = env.allowedHosts;
  if (env.metricsToken !== undefined) layer.metricsToken = env.metricsToken;
  if (env.requestTimeoutSeconds !== undefined)
    layer.requestTimeoutSeconds = env.requestTimeoutSeconds;
  if (env.headersTimeoutSeconds !== undefined)
    layer.headersTimeoutSeconds = env.headersTimeoutSeconds;
  if (env.maxConnections !== undefined) layer.maxConnections = env.maxConnections;
  return layer;
}
