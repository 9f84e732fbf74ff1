import fc from 'fast-check';

/**
 * Property tests run with a fixed seed, so every run of the suite checks the same cases and a
 * failure reproduces. Set FC_SEED to explore other cases locally.
 */
const seed = Number(globalThis.process?.env['FC_SEED'] ?? 20_260_501);
fc.configureGlobal({ seed });
