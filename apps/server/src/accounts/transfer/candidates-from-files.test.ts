import { sealPassphraseBundle } from '@octoproxy/auth';
import { describe, expect, it } from 'vitest';

import { accountBundleFormat } from './account-bundle';
import { candidatesFromFiles } from './candidates-from-files';

const now = Date.parse('2026-06-01T00:00:00Z');
const future = '2026-09-01T00:00:00.000Z';
const json = (value: unknown) => JSON.stringify(value);

function summary(candidates: Awaited<ReturnType<typeof candidatesFromFiles>>) {
  return candidates.map((candidate) => ({
    source: candidate.source,
    authMethod: candidate.account?.authMethod,
    ssoRegion: candidate.account?.ssoRegion,
    apiRegion: candidate.account?.apiRegion,
    problem: candidate.problem,
  }));
}

describe('candidatesFromFiles', () => {
  it('pairs a token file with its registration by name, case aside, and reads it from disk otherwise', async () => {
    const token = {
      accessToken: 'a',
      refreshToken: 'r',
      expiresAt: future,
      authMethod: 'IdC',
      provider: 'Enterprise',
      region: 'ap-northeast-2',
      clientIdHash: 'ABC123',
      startUrl: 'https://acme.awsapps.com/start',
    };
    const registration = { clientId: 'c', clientSecret: 's', expiresAt: future };
    const uploaded = await candidatesFromFiles(
      [
        { name: 'kiro-auth-token.json', content: json(token) },
        { name: 'C:\\cache\\abc123.json', content: json(registration) },
      ],
      { now },
    );
    expect(summary(uploaded)).toEqual([
      {
        source: 'kiro-auth-token.json',
        authMethod: 'idc',
        ssoRegion: 'ap-northeast-2',
        apiRegion: undefined,
        problem: undefined,
      },
    ]);
    expect(uploaded[0]!.account!.credentials).toMatchObject({ clientId: 'c', clientSecret: 's' });

    const asked: string[] = [];
    const fromDisk = await candidatesFromFiles(
      [{ name: '/x/kiro-auth-token.json', content: json(token) }],
      {
        now,
        readCompanion: (file, companion) => {
          asked.push(`${file} ${companion}`);
          return Promise.resolve(registration);
        },
      },
    );
    expect(asked).toEqual(['/x/kiro-auth-token.json ABC123.json']);
    expect(fromDisk[0]!.problem).toBeUndefined();
  });

  it('says what a file is when it holds no account', async () => {
    const bundle = await sealPassphraseBundle({
      format: accountBundleFormat,
      plaintext: '{}',
      passphrase: 'long enough passphrase',
      log2N: 15,
    });
    const candidates = await candidatesFromFiles(
      [
        { name: 'lonely-registration.json', content: json({ clientId: 'c', clientSecret: 's' }) },
        { name: 'bundle.json', content: json(bundle) },
        { name: 'sts.json', content: json({ ProviderType: 'sso', Credentials: {} }) },
        { name: 'empty.json', content: '[]' },
      ],
      { now },
    );
    expect(summary(candidates).map((entry) => [entry.source, entry.problem])).toEqual([
      ['bundle.json', expect.stringMatching(/encrypted OctoProxy account bundle/)],
      ['sts.json', 'Not a Kiro token file.'],
      ['empty.json', 'No account in this file.'],
      ['lonely-registration.json', expect.stringMatching(/client registration only/)],
    ]);
  });

  it('reads {tokens: [...]}, {providers: [...]} bodies and kiro-cli records', async () => {
    const candidates = await candidatesFromFiles(
      [
        {
          name: 'tokens.json',
          content: json({
            tokens: [
              { refreshToken: 'r1', authMethod: 'social', provider: 'Google' },
              { accessToken: 'ksk_abc', authMethod: 'api_key' },
            ],
          }),
        },
        {
          name: 'body.json',
          content: json({
            providers: [
              {
                name: 'Work',
                region: 'eu-central-1',
                credentials: {
                  refreshToken: 'r2',
                  authMethod: 'IdC',
                  clientId: 'c',
                  clientSecret: 's',
                  region: 'eu-west-1',
                },
              },
            ],
          }),
        },
        {
          name: 'cli.json',
          content: json({
            access_token: 'a',
            refresh_token: 'r3',
            expires_at: '2026-07-01T00:00:00.123456789Z',
          }),
        },
      ],
      { now },
    );
    expect(summary(candidates)).toEqual([
      {
        source: 'tokens.json[0]',
        authMethod: 'social',
        ssoRegion: undefined,
        apiRegion: undefined,
        problem: undefined,
      },
      {
        source: 'tokens.json[1]',
        authMethod: 'api-key',
        ssoRegion: undefined,
        apiRegion: undefined,
        problem: undefined,
      },
      // This server's own body: `region` is the API region, the credentials' the SSO region.
      {
        source: 'body.json[0]',
        authMethod: 'idc',
        ssoRegion: 'eu-west-1',
        apiRegion: 'eu-central-1',
        problem: undefined,
      },
      {
        source: 'cli.json',
        authMethod: 'social',
        ssoRegion: undefined,
        apiRegion: undefined,
        problem: undefined,
      },
    ]);
    expect(candidates[3]!.account!.credentials.expiresAt).toBe('2026-07-01T00:00:00.123Z');
    expect(candidates[2]).toMatchObject({ settings: { name: 'Work' } });
  });

  it("reads the original OctoProxy's export: its IdC region is the SSO region, seconds become dates", async () => {
    const [entry] = await candidatesFromFiles(
      [
        {
          name: 'export.json',
          content: json({
            version: '1.0',
            exportedAt: '2026-01-01T00:00:00.000Z',
            count: 1,
            providers: [
              {
                name: 'Acme',
                region: 'eu-west-1',
                credentials: json({
                  refreshToken: 'r',
                  authMethod: 'IdC',
                  clientId: 'c',
                  clientSecret: 's',
                  clientSecretExpiresAt: Date.parse(future) / 1000,
                  startUrl: 'https://acme.awsapps.com/start',
                }),
                account_email: 'ops@acme.example',
                check_health: 1,
                check_model_name: 'claude-sonnet-4.5',
                is_disabled: 1,
              },
            ],
          }),
        },
      ],
      { now },
    );
    expect(entry).toMatchObject({
      source: 'export.json[0]',
      account: {
        authMethod: 'idc',
        ssoRegion: 'eu-west-1',
        apiRegion: undefined,
        credentials: { clientSecretExpiresAt: future },
      },
      settings: { name: 'Acme', healthCheckEnabled: true, healthCheckModel: 'claude-sonnet-4.5' },
      extras: { disabled: true, email: 'ops@acme.example' },
    });
  });
});
