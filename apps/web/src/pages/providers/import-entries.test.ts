import { describe, expect, it } from 'vitest';

import { importEntries } from './import-entries';

describe('importEntries', () => {
  it('pairs registration files with tokens by clientIdHash', () => {
    const entries = importEntries([
      {
        name: 'kiro-auth-token.json',
        text: '{"refreshToken":"r1","authMethod":"IdC","clientIdHash":"h1"}',
      },
      { name: 'h1.json', text: '{"clientId":"c1","clientSecret":"s1"}' },
      { name: 'h2.json', text: '{"clientId":"c2","clientSecret":"s2"}' },
      { name: 'other.json', text: '{"refreshToken":"r2","authMethod":"IdC","clientIdHash":"h2"}' },
    ]);
    expect(
      entries.map((entry) => [entry.source, entry.credentials?.clientId, entry.problem]),
    ).toEqual([
      ['kiro-auth-token.json', 'c1', undefined],
      ['other.json', 'c2', undefined],
    ]);
  });

  it('uses a lone registration for every token that needs one', () => {
    const entries = importEntries([
      {
        name: 'tokens.json',
        text: '[{"refreshToken":"r1","authMethod":"IdC"},{"refreshToken":"r2","authMethod":"social"}]',
      },
      { name: 'registration.json', text: '{"clientId":"c","clientSecret":"s"}' },
    ]);
    expect(entries.map((entry) => [entry.source, entry.kind, entry.credentials?.clientId])).toEqual(
      [
        ['tokens.json #1', 'idc', 'c'],
        ['tokens.json #2', 'social', undefined],
      ],
    );
  });

  it('reports broken files and tokens without losing the good ones', () => {
    const entries = importEntries([
      { name: 'broken.json', text: 'not json' },
      { name: 'tokens.json', text: '[{"refreshToken":"r1"},{"accessToken":"a"}]' },
    ]);
    expect(entries.map((entry) => [entry.source, entry.problem])).toEqual([
      ['broken.json', 'invalidJson'],
      ['tokens.json #1', undefined],
      ['tokens.json #2', 'missingRefreshToken'],
    ]);
  });
});
