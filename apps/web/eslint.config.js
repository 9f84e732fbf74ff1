import { createConfig } from '@octoproxy/eslint-config';
import reactHooks from 'eslint-plugin-react-hooks';

const here = 'apps/web/';

/**
 * The monorepo config (its layer rules name files from the repository root, so they are re-rooted
 * here) plus the React hooks rules for this package.
 */
export default [
  ...createConfig({ tsconfigRootDir: import.meta.dirname }).map((config) =>
    Array.isArray(config.files)
      ? {
          ...config,
          files: config.files.map((pattern) =>
            typeof pattern === 'string' && pattern.startsWith(here)
              ? pattern.slice(here.length)
              : pattern,
          ),
        }
      : config,
  ),
  {
    // The config files are part of tsconfig.node.json, so the project service finds them itself.
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
];
