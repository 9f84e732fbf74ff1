import { describe, expect, it } from 'vitest';

import { generateMachineId, KiroHeaders } from './kiro-headers';

describe('KiroHeaders', () => {
  const headers = new KiroHeaders({
    kiroVersion: '0.9.9',
    os: 'linux#6.8.0',
    nodeVersion: '22.21.1',
  });
  const machineId = 'f'.repeat(64);

  it('introduces the chat call as the Kiro IDE streaming client', () => {
    const chat = headers.chat({ accessToken: 'tok', machineId, attempt: 2, authMethod: 'social' });
    expect(chat).toMatchObject({
      authorization: 'Bearer tok',
      'content-type': 'application/json',
      'amz-sdk-request': 'attempt=2; max=2',
      'x-amzn-kiro-agent-mode': 'vibe',
      'x-amzn-codewhisperer-optout': 'true',
      'x-amz-user-agent': `aws-sdk-js/1.0.34 KiroIDE-0.9.9-${machineId}`,
      'user-agent': `aws-sdk-js/1.0.34 ua/2.1 os/linux#6.8.0 lang/js md/nodejs#22.21.1 api/codewhispererstreaming#1.0.34 m/E KiroIDE-0.9.9-${machineId}`,
    });
    expect(chat['amz-sdk-invocation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(chat).not.toHaveProperty('tokentype');
    expect(
      headers.chat({ accessToken: 'ksk_x', machineId, attempt: 1, authMethod: 'api-key' })
        .tokentype,
    ).toBe('API_KEY');
    expect(
      headers.chat({ accessToken: 'ey', machineId, attempt: 1, authMethod: 'external-idp' })
        .tokentype,
    ).toBe('EXTERNAL_IDP');
    expect(
      headers.runtime({ accessToken: 'ey', machineId, authMethod: 'external-idp' }).tokentype,
    ).toBe('EXTERNAL_IDP');
  });

  it('uses the runtime client for metadata calls and the IDE agent for social auth', () => {
    expect(
      headers.runtime({ accessToken: 't', machineId, authMethod: 'idc' })['user-agent'],
    ).toContain('api/codewhispererruntime#1.0.0 m/N,E');
    expect(headers.socialAuth(machineId)['user-agent']).toBe(`KiroIDE-0.9.9-${machineId}`);
  });

  it('generates random 64-hex machine ids', () => {
    const id = generateMachineId();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(generateMachineId()).not.toBe(id);
  });
});
