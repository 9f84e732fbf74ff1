/**
 * Which workspace packages each layer may import. Dependencies point one way:
 * converters is the hub and imports nothing of ours; apps compose everything.
 * The simulator shares no code with the client it tests, so a client bug cannot hide in both.
 */
export const allowedWorkspaceImports = {
  'packages/converters': [],
  'packages/kiro': ['@octoproxy/converters'],
  'packages/kiro-simulator': [],
  'packages/pool': ['@octoproxy/converters'],
  'packages/storage': [],
  'packages/auth': ['@octoproxy/converters'],
  'packages/eslint-config': [],
  'packages/fixtures': [],
};

/** Node built-in modules, for layers that must run in any JavaScript runtime. */
export const nodeBuiltinModules = [
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'console',
  'crypto',
  'dgram',
  'diagnostics_channel',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'inspector',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'querystring',
  'readline',
  'stream',
  'stream/web',
  'string_decoder',
  'timers',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

/** Modules that read configuration from the host: only apps may touch them. */
const fileSystemModules = ['fs', 'fs/promises', 'node:fs', 'node:fs/promises'];

const libraryTestFiles = [
  '**/*.test.ts',
  '**/*.test-d.ts',
  '**/test/**',
  '**/bench/**',
  '**/scripts/**',
];

/** Command-line entry points of a library (e.g. the simulator's CLI) are small apps of their own. */
const libraryBinFiles = ['**/src/bin/**'];

function restrictedImportsFor(layer, { extraPaths = [], extraPatterns = [] } = {}) {
  const allowed = allowedWorkspaceImports[layer] ?? [];
  return [
    'error',
    {
      paths: extraPaths,
      patterns: [
        {
          group: ['@octoproxy/*', ...allowed.flatMap((name) => [`!${name}`, `!${name}/*`])],
          message: `${layer} may import only: ${allowed.join(', ') || 'no workspace package'}.`,
        },
        { group: ['@octoproxy/*/src/**'], message: 'Import a package by its public entry points.' },
        ...extraPatterns,
      ],
    },
  ];
}

const noEnvAccess = [
  'error',
  {
    object: 'process',
    property: 'env',
    message: 'Libraries take configuration as arguments; only apps read env.',
  },
  { object: 'process', property: 'argv', message: 'Only apps read command-line arguments.' },
];

/**
 * The layer rules as flat-config entries. Library tests may read fixtures and env;
 * library sources may not.
 */
export function layerBoundaryConfigs() {
  const libraryLayers = Object.keys(allowedWorkspaceImports).filter(
    (layer) => layer !== 'packages/converters' && layer !== 'packages/eslint-config',
  );
  const configs = libraryLayers.map((layer) => ({
    name: `octoproxy/boundaries/${layer}`,
    files: [`${layer}/src/**/*.{ts,tsx,js}`],
    ignores: [...libraryTestFiles, ...libraryBinFiles],
    rules: {
      'no-restricted-imports': restrictedImportsFor(layer, {
        extraPaths: fileSystemModules.map((name) => ({
          name,
          message: 'Libraries never read files; the app passes what they need.',
        })),
      }),
      'no-restricted-properties': noEnvAccess,
    },
  }));

  configs.push({
    name: 'octoproxy/boundaries/packages/converters',
    files: ['packages/converters/src/**/*.ts'],
    ignores: libraryTestFiles,
    rules: {
      'no-restricted-imports': restrictedImportsFor('packages/converters', {
        extraPaths: nodeBuiltinModules.map((name) => ({
          name,
          message: 'Converters run in any runtime: Web APIs only.',
        })),
        extraPatterns: [
          { group: ['node:*'], message: 'Converters run in any runtime: Web APIs only.' },
          {
            group: ['hono', 'hono/*', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3', 'undici'],
            message: 'Converters depend on zod only.',
          },
        ],
      }),
      'no-restricted-globals': [
        'error',
        ...[
          'Buffer',
          'process',
          'require',
          '__dirname',
          '__filename',
          'global',
          'setImmediate',
        ].map((name) => ({ name, message: 'Converters run in any runtime: Web APIs only.' })),
      ],
    },
  });

  configs.push({
    name: 'octoproxy/boundaries/apps/web',
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The admin SPA runs in the browser.' },
            {
              group: ['@octoproxy/*', '!@octoproxy/converters', '!@octoproxy/converters/*'],
              message:
                'The SPA talks to the server over HTTP; it imports types only from the server.',
            },
          ],
          paths: nodeBuiltinModules.map((name) => ({
            name,
            message: 'The admin SPA runs in the browser.',
          })),
        },
      ],
    },
  });
  return configs;
}
