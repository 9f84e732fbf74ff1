import { afterAll, beforeAll } from 'vitest';

import { openAppWithApiKey, type TestApp } from './app-with-api-key';
import { scriptedBackend, scriptedUpstream, textAnswer } from './scripted-upstream';

/**
 * The app a fuzz test posts to, started before the file's tests and closed after them: real
 * SQLite and auth, an upstream that answers "ok", and no image fetching (fuzzed image URLs are
 * refused before any lookup). Read it inside tests only.
 */
export function useFuzzApp(): { readonly app: TestApp; readonly apiKey: string } {
  let opened: { app: TestApp; apiKey: string } | undefined;
  beforeAll(async () => {
    opened = await openAppWithApiKey({
      upstream: scriptedUpstream(scriptedBackend({ events: () => textAnswer('ok') })),
      config: { imageFetchEnabled: false },
    });
  });
  afterAll(async () => {
    await opened?.app.close();
  });
  const current = () => {
    if (opened === undefined)
      throw new Error('The fuzz app starts before the tests: use it in one.');
    return opened;
  };
  return {
    get app() {
      return current().app;
    },
    get apiKey() {
      return current().apiKey;
    },
  };
}
