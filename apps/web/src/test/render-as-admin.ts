import { createFakeAdminApi, type FakeAdminApi } from './fake-admin-api';
import { fakeApiServer } from './fake-api-server';
import { renderApp } from './render-app';
import { setupUser } from './setup-user';

/** The app at `path`, logged in as the fixtures' admin; the fake API records what the page sends. */
export function renderAsAdmin(path: string): {
  api: FakeAdminApi;
  user: ReturnType<typeof setupUser>;
} {
  const api = createFakeAdminApi({ loggedInAs: 'user-admin' });
  fakeApiServer.use(...api.handlers);
  const user = setupUser();
  renderApp(path);
  return { api, user };
}
