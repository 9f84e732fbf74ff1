import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';

import { fakeApiServer } from './fake-api-server';

// antd renders slowly in jsdom on shared cores: give async queries room. `defaultHidden` skips the
// per-element visibility check of *ByRole queries (jsdom's getComputedStyle over antd's many style
// rules makes one query take seconds); tests scope queries to the dialog or page they mean instead.
configure({ asyncUtilTimeout: 15_000, defaultHidden: true });

// jsdom lacks these browser APIs that antd's responsive layout and virtual lists use.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
}
if (typeof globalThis.ResizeObserver !== 'function') {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

beforeAll(() => fakeApiServer.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  fakeApiServer.resetHandlers();
  window.localStorage.clear();
});
afterAll(() => fakeApiServer.close());
