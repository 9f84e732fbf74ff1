import { eq, sql } from 'drizzle-orm';

import type { SettingsRepository } from '../../model/settings';
import { settings } from '../schema';
import { read, type SqliteContext, writeDurably } from '../sqlite-context';

export class SqliteSettingsRepository implements SettingsRepository {
  constructor(private readonly context: SqliteContext) {}

  getAll(): Promise<Record<string, unknown>> {
    return read(this.context, 'read settings', () =>
      Object.fromEntries(
        this.context.db
          .select({ key: settings.key, value: settings.value })
          .from(settings)
          .all()
          .map((row) => [row.key, row.value]),
      ),
    );
  }

  get(key: string): Promise<unknown> {
    return read(this.context, 'read setting', () => {
      const row = this.context.db
        .select({ value: settings.value })
        .from(settings)
        .where(eq(settings.key, key))
        .get();
      return row?.value;
    });
  }

  set(key: string, value: unknown, options: { updatedBy?: string | null } = {}): Promise<void> {
    return this.setMany({ [key]: value }, options);
  }

  setMany(
    values: Record<string, unknown>,
    options: { updatedBy?: string | null } = {},
  ): Promise<void> {
    return writeDurably(this.context, 'save settings', () => {
      const now = this.context.clock();
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined) continue;
        this.context.db
          .insert(settings)
          .values({ key, value, updatedAt: now, updatedBy: options.updatedBy ?? null })
          .onConflictDoUpdate({
            target: settings.key,
            set: {
              value: sql`excluded.value`,
              updatedAt: sql`excluded.updated_at`,
              updatedBy: sql`excluded.updated_by`,
            },
          })
          .run();
      }
    });
  }

  delete(key: string): Promise<boolean> {
    return writeDurably(
      this.context,
      'delete setting',
      () => this.context.db.delete(settings).where(eq(settings.key, key)).run().changes > 0,
    );
  }
}
