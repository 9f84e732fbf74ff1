/** The live configuration: JSON values by key. Validation is the caller's (the server's schema). */
export interface SettingsRepository {
  getAll(): Promise<Record<string, unknown>>;
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, options?: { updatedBy?: string | null }): Promise<void>;
  /** All keys in one transaction. */
  setMany(values: Record<string, unknown>, options?: { updatedBy?: string | null }): Promise<void>;
  delete(key: string): Promise<boolean>;
}
