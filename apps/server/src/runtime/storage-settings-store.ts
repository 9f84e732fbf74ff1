import type { Storage } from '@octoproxy/storage';

import { serverConfigSchema, type ServerConfigPatch } from '../config/config-schema';
import type { SettingsStore } from '../config/live-settings';

const configKeys = new Set(Object.keys(serverConfigSchema.shape));

/** Settings saved through the admin UI, in the database's `settings` table (config keys only). */
export function storageSettingsStore(storage: Storage): SettingsStore {
  return {
    async load() {
      const all = await storage.settings.getAll();
      return Object.fromEntries(Object.entries(all).filter(([key]) => configKeys.has(key)));
    },
    async save(values: ServerConfigPatch) {
      const current = await this.load();
      for (const key of Object.keys(current)) {
        if (!(key in values)) await storage.settings.delete(key);
      }
      await storage.settings.setMany(values);
    },
  };
}
