import { asc, eq, getTableColumns, lte } from 'drizzle-orm';

import type { Account, NewAccount } from '../../model/accounts';
import type {
  NewOAuthSession,
  OAuthSession,
  OAuthSessionPatch,
  OAuthSessionRepository,
} from '../../model/oauth-sessions';
import { newId } from '../../new-id';
import { StorageConflictError } from '../../storage-error';
import { definedOnly } from '../query-helpers';
import { oauthSessions } from '../schema';
import { read, type SqliteContext, write } from '../sqlite-context';
import type { SqliteAccountRepository } from './sqlite-account-repository';

const { encryptedSecrets: _encryptedSecrets, ...sessionColumns } = getTableColumns(oauthSessions);

export class SqliteOAuthSessionRepository implements OAuthSessionRepository {
  constructor(
    private readonly context: SqliteContext,
    private readonly accounts: SqliteAccountRepository,
  ) {}

  create(input: NewOAuthSession): Promise<OAuthSession> {
    return write(this.context, 'create oauth session', () => {
      const now = this.context.clock();
      return this.context.db
        .insert(oauthSessions)
        .values({
          id: input.id ?? newId(),
          kind: input.kind,
          state: input.state ?? null,
          encryptedSecrets: input.encryptedSecrets ?? null,
          details: input.details ?? null,
          status: 'pending',
          expiresAt: input.expiresAt,
          createdAt: now,
          updatedAt: now,
        })
        .returning(sessionColumns)
        .get();
    });
  }

  get(id: string): Promise<OAuthSession | undefined> {
    return read(this.context, 'get oauth session', () =>
      this.context.db
        .select(sessionColumns)
        .from(oauthSessions)
        .where(eq(oauthSessions.id, id))
        .get(),
    );
  }

  getByState(state: string): Promise<OAuthSession | undefined> {
    return read(this.context, 'get oauth session', () =>
      this.context.db
        .select(sessionColumns)
        .from(oauthSessions)
        .where(eq(oauthSessions.state, state))
        .get(),
    );
  }

  getEncryptedSecrets(id: string): Promise<string | undefined> {
    return read(this.context, 'get oauth session secrets', () => {
      const row = this.context.db
        .select({ encryptedSecrets: oauthSessions.encryptedSecrets })
        .from(oauthSessions)
        .where(eq(oauthSessions.id, id))
        .get();
      return row?.encryptedSecrets ?? undefined;
    });
  }

  listPending(): Promise<OAuthSession[]> {
    return read(this.context, 'list pending oauth sessions', () =>
      this.context.db
        .select(sessionColumns)
        .from(oauthSessions)
        .where(eq(oauthSessions.status, 'pending'))
        .orderBy(asc(oauthSessions.createdAt), asc(oauthSessions.id))
        .all(),
    );
  }

  update(id: string, patch: OAuthSessionPatch): Promise<OAuthSession | undefined> {
    return write(this.context, 'update oauth session', () => {
      const changes = definedOnly(patch);
      const finished = changes.status !== undefined && changes.status !== 'pending';
      return this.context.db
        .update(oauthSessions)
        .set({
          ...changes,
          ...(finished ? { encryptedSecrets: null } : {}),
          updatedAt: this.context.clock(),
        })
        .where(eq(oauthSessions.id, id))
        .returning(sessionColumns)
        .get();
    });
  }

  complete(input: {
    sessionId: string;
    account: NewAccount;
  }): Promise<{ session: OAuthSession; account: Account }> {
    return this.accounts.inDurableTransaction('complete oauth session', (insertAccount) => {
      const current = this.context.db
        .select({ status: oauthSessions.status })
        .from(oauthSessions)
        .where(eq(oauthSessions.id, input.sessionId))
        .get();
      if (current?.status !== 'pending') {
        throw new StorageConflictError({
          message: current
            ? `the login session is ${current.status}, not pending`
            : 'the login session does not exist',
          reason: 'state',
        });
      }
      const account = insertAccount(input.account);
      const session = this.context.db
        .update(oauthSessions)
        .set({
          status: 'completed',
          encryptedSecrets: null,
          resultAccountId: account.id,
          error: null,
          updatedAt: this.context.clock(),
        })
        .where(eq(oauthSessions.id, input.sessionId))
        .returning(sessionColumns)
        .get();
      if (!session) throw new Error('oauth session vanished inside its transaction');
      return { session, account };
    });
  }

  delete(id: string): Promise<boolean> {
    return write(
      this.context,
      'delete oauth session',
      () => this.context.db.delete(oauthSessions).where(eq(oauthSessions.id, id)).run().changes > 0,
    );
  }

  deleteExpired(now?: number): Promise<number> {
    return write(this.context, 'delete expired oauth sessions', () => {
      const cutoff = now ?? this.context.clock();
      return this.context.db.delete(oauthSessions).where(lte(oauthSessions.expiresAt, cutoff)).run()
        .changes;
    });
  }
}
