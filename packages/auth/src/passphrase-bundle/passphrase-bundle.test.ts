import { describe, expect, it } from 'vitest';

import { PassphraseBundleError } from '../errors/passphrase-bundle-error';
import {
  isPassphraseBundle,
  openPassphraseBundle,
  sealPassphraseBundle,
  type PassphraseBundle,
} from './passphrase-bundle';

const format = 'test-bundle';
const passphrase = 'correct horse battery staple';
const plaintext = JSON.stringify({ refreshToken: 'aor-secret-value', n: 1 });

function seal(): Promise<PassphraseBundle> {
  return sealPassphraseBundle({ format, plaintext, passphrase, log2N: 15 });
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PassphraseBundleError);
  return (error as PassphraseBundleError).reason;
}

/** Flips one bit of a base64url value, keeping it decodable. */
function flipBit(value: string, byteIndex: number): string {
  const bytes = Buffer.from(value, 'base64url');
  bytes[byteIndex] = bytes[byteIndex]! ^ 0x01;
  return bytes.toString('base64url');
}

describe('passphrase bundle', () => {
  it('round-trips, with fresh salt and nonce each time and no plaintext inside', async () => {
    const [first, second] = [await seal(), await seal()];
    expect(await openPassphraseBundle({ bundle: first, passphrase, format })).toBe(plaintext);
    expect(first.kdf.salt).not.toBe(second.kdf.salt);
    expect(first.cipher.nonce).not.toBe(second.cipher.nonce);
    expect(JSON.stringify(first)).not.toContain('aor-secret-value');
    expect(first).toMatchObject({ format, version: 1, kdf: { name: 'scrypt', log2N: 15 } });
    expect(isPassphraseBundle(JSON.parse(JSON.stringify(first)), format)).toBe(true);
    expect(isPassphraseBundle({ refreshToken: 'x' }, format)).toBe(false);
  });

  it('refuses a wrong passphrase', async () => {
    const bundle = await seal();
    expect(
      await reasonOf(openPassphraseBundle({ bundle, passphrase: `${passphrase}!`, format })),
    ).toBe('decryption_failed');
  });

  it('refuses a changed byte of the data, the tag, the nonce or the salt', async () => {
    const bundle = await seal();
    const length = Buffer.from(bundle.data, 'base64url').length;
    const altered: PassphraseBundle[] = [
      { ...bundle, data: flipBit(bundle.data, 0) },
      { ...bundle, data: flipBit(bundle.data, length - 1) },
      { ...bundle, cipher: { ...bundle.cipher, nonce: flipBit(bundle.cipher.nonce, 3) } },
      { ...bundle, kdf: { ...bundle.kdf, salt: flipBit(bundle.kdf.salt, 5) } },
    ];
    for (const candidate of altered) {
      expect(await reasonOf(openPassphraseBundle({ bundle: candidate, passphrase, format }))).toBe(
        'decryption_failed',
      );
    }
  });

  it('authenticates the header: another format name or work factor does not open', async () => {
    const bundle = await seal();
    expect(
      await reasonOf(
        openPassphraseBundle({
          bundle: { ...bundle, format: 'other' },
          passphrase,
          format: 'other',
        }),
      ),
    ).toBe('decryption_failed');
    expect(
      await reasonOf(
        openPassphraseBundle({
          bundle: { ...bundle, kdf: { ...bundle.kdf, r: 9 } },
          passphrase,
          format,
        }),
      ),
    ).toBe('decryption_failed');
    expect(await reasonOf(openPassphraseBundle({ bundle, passphrase, format: 'other' }))).toBe(
      'malformed',
    );
  });

  it('refuses a truncated bundle', async () => {
    const bundle = await seal();
    const bytes = Buffer.from(bundle.data, 'base64url');
    const shorter = { ...bundle, data: bytes.subarray(0, bytes.length - 1).toString('base64url') };
    expect(await reasonOf(openPassphraseBundle({ bundle: shorter, passphrase, format }))).toBe(
      'decryption_failed',
    );
    const tiny = { ...bundle, data: bytes.subarray(0, 8).toString('base64url') };
    expect(await reasonOf(openPassphraseBundle({ bundle: tiny, passphrase, format }))).toBe(
      'malformed',
    );
    const { data: _data, ...headerOnly } = bundle;
    expect(await reasonOf(openPassphraseBundle({ bundle: headerOnly, passphrase, format }))).toBe(
      'malformed',
    );
  });

  it('refuses weak or hostile parameters and short passphrases', async () => {
    const bundle = await seal();
    for (const log2N of [14, 21]) {
      expect(
        await reasonOf(
          openPassphraseBundle({
            bundle: { ...bundle, kdf: { ...bundle.kdf, log2N } },
            passphrase,
            format,
          }),
        ),
      ).toBe('malformed');
    }
    expect(await reasonOf(sealPassphraseBundle({ format, plaintext, passphrase: 'short' }))).toBe(
      'malformed',
    );
    expect(
      await reasonOf(openPassphraseBundle({ bundle: { ...bundle, extra: 1 }, passphrase, format })),
    ).toBe('malformed');
  });
});
