import { setupServer } from 'msw/node';

/** The network edge of every test: requests nobody handles fail the test. */
export const fakeApiServer = setupServer();
