import type { SecretBox } from '@octoproxy/auth';
import type { Account, AccountRepository, Storage } from '@octoproxy/storage';

/** Binds the sealed value to its column: it cannot be swapped into another secret's place. */
const associatedData = 'account:proxyUrl';
const sealedPattern = /^v1\.[0-9a-f]{12}\./;

function isSealed(value: string): boolean {
  return sealedPattern.test(value);
}

/**
 * The accounts repository with `proxyUrl` sealed by the secret box in the database (the URL may hold
 * the proxy's password) and plain everywhere else. Values written before sealing existed read as
 * they are until {@link sealStoredProxyUrls} rewrites them.
 */
export function sealProxyUrls(accounts: AccountRepository, box: SecretBox): AccountRepository {
  const seal = (url: string | null | undefined) =>
    url === null || url === undefined || isSealed(url) ? url : box.seal(url, associatedData);
  const open = (account: Account): Account =>
    account.proxyUrl !== null && isSealed(account.proxyUrl)
      ? { ...account, proxyUrl: box.open(account.proxyUrl, associatedData) }
      : account;
  const openMaybe = (account: Account | undefined) => account && open(account);
  return {
    create: async (input) =>
      open(await accounts.create({ ...input, proxyUrl: seal(input.proxyUrl) })),
    createMany: async (inputs) =>
      (
        await accounts.createMany(
          inputs.map((input) => ({ ...input, proxyUrl: seal(input.proxyUrl) })),
        )
      ).map(open),
    get: async (id) => openMaybe(await accounts.get(id)),
    list: async (query) => {
      const page = await accounts.list(query);
      return { ...page, items: page.items.map(open) };
    },
    listAll: async () => (await accounts.listAll()).map(open),
    update: async (id, patch) =>
      openMaybe(
        await accounts.update(
          id,
          patch.proxyUrl === undefined ? patch : { ...patch, proxyUrl: seal(patch.proxyUrl) },
        ),
      ),
    getEncryptedCredentials: (id) => accounts.getEncryptedCredentials(id),
    delete: (id) => accounts.delete(id),
    recordUse: (use) => accounts.recordUse(use),
    counts: () => accounts.counts(),
  };
}

/** Storage whose accounts seal their proxy URLs; every other repository is shared. */
export function withSealedProxyUrls(storage: Storage, box: SecretBox): Storage {
  return { ...storage, accounts: sealProxyUrls(storage.accounts, box) };
}

/** Seals the proxy URLs stored in plain text by an earlier version. */
export async function sealStoredProxyUrls(
  accounts: AccountRepository,
  sealed: AccountRepository,
): Promise<number> {
  let count = 0;
  for (const account of await accounts.listAll()) {
    if (account.proxyUrl === null || isSealed(account.proxyUrl)) continue;
    await sealed.update(account.id, { proxyUrl: account.proxyUrl });
    count += 1;
  }
  return count;
}
