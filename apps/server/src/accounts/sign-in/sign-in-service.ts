import type { SecretBox } from '@octoproxy/auth';
import { InvalidRequestError } from '@octoproxy/converters';
import {
  builderIdRegion,
  builderIdStartUrl,
  idcStartUrl,
  kiroIdeRedirectUri,
  parseSocialCallback,
  startOidcAuthCodeLogin,
  startSocialLogin,
  type KiroClient,
  type KiroSocialProvider,
} from '@octoproxy/kiro';
import type { OAuthSession, Storage } from '@octoproxy/storage';

import type { Logger } from '../../logging/create-logger';
import { notFound } from '../../routes/admin/not-found';
import {
  apiRegionCandidates,
  findDuplicate,
  newAccountOf,
  updateAccountWith,
  validateAccount,
  type AccountCandidate,
  type OnboardingDeps,
} from '../onboard-account';
import { isAwsRegion } from './aws-regions';
import { DeviceCodePoller, type DevicePollHooks } from './device-code-poller';
import { LoopbackCallbackServer, loopbackCallbackPath } from './loopback-callback-server';
import { openSignInSecrets, sealSignInSecrets } from './session-secrets';
import {
  detailsOf,
  statusOf,
  toSignInSessionDto,
  type CallbackMode,
  type SignInDetails,
  type SignInSecrets,
  type SignInSessionDto,
} from './sign-in-session';

export type StartSignIn =
  | { method: 'social'; provider: KiroSocialProvider; name?: string; callbackMode?: CallbackMode }
  | { method: 'builder-id'; name?: string }
  | {
      method: 'idc';
      startUrl: string;
      ssoRegion: string;
      flow?: 'device-code' | 'auth-code';
      name?: string;
      callbackMode?: CallbackMode;
    };

export interface SignInActor {
  userId: string | null;
  ip: string | null;
}

export interface SignInCapabilities {
  loopbackCallback: boolean;
  reason: string;
}

export interface SignInService {
  capabilities(): SignInCapabilities;
  start(input: StartSignIn, actor: SignInActor): Promise<SignInSessionDto>;
  get(id: string): Promise<SignInSessionDto | undefined>;
  /** The final URL the admin's browser landed on (paste-back). */
  callback(id: string, url: string): Promise<SignInSessionDto>;
  /** A loopback callback (listener or `GET /api/sign-in/callback`): the session is found by `state`. */
  completeByState(url: string): Promise<{ ok: boolean; message: string }>;
  cancel(id: string): Promise<SignInSessionDto>;
  resolve(id: string, action: 'update' | 'create' | 'discard'): Promise<SignInSessionDto>;
  /** Resumes polling of device-code sign-ins left pending by an earlier run. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** A browser sign-in (social, IdC auth code) waits this long for its callback. */
const browserSignInMs = 10 * 60_000;
/** A duplicate waits this long for the admin's decision before its tokens are dropped. */
const decisionMs = 30 * 60_000;
/** IdC's auth-code redirect when nothing listens: the browser's failed page carries the code. */
const pasteLoopbackRedirectUri = `http://127.0.0.1${loopbackCallbackPath}`;

function conflict(message: string): InvalidRequestError {
  return new InvalidRequestError({ code: 'conflict', message });
}

function blankDetails(
  partial: Partial<SignInDetails> & Pick<SignInDetails, 'method' | 'flow'>,
): SignInDetails {
  return {
    provider: null,
    phase: 'waiting',
    name: null,
    authUrl: null,
    callbackMode: null,
    redirectUri: null,
    userCode: null,
    verificationUri: null,
    verificationUriComplete: null,
    pollIntervalSeconds: null,
    nextPollAt: null,
    ssoRegion: null,
    apiRegion: null,
    startUrl: null,
    duplicateOf: null,
    account: null,
    actorUserId: null,
    actorIp: null,
    ...partial,
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Every Kiro sign-in the admin starts from the dashboard: social (PKCE + state, loopback or
 * paste-back), Builder ID and IdC device code (polled here, resumable after a restart), IdC
 * authorization code. State lives in the `oauthSessions` table, secrets sealed; a finished sign-in
 * goes through account onboarding.
 */
export function createSignInService(options: {
  onboarding: OnboardingDeps;
  logger: Logger;
  /** Whether a loopback listener here is reachable from the admin's browser, and why. */
  capabilities: SignInCapabilities;
  loopbackPorts: readonly number[];
  now?: () => number;
}): SignInService {
  const { onboarding, logger } = options;
  const storage: Storage = onboarding.storage;
  const box: SecretBox = onboarding.box;
  const kiro: KiroClient = onboarding.kiro;
  const now = options.now ?? Date.now;
  const finishing = new Set<string>();

  const load = async (id: string): Promise<OAuthSession> => {
    const session = await storage.oauthSessions.get(id);
    if (session?.details === null || session === undefined) throw notFound('sign-in', id);
    return session;
  };
  const secretsOf = async (id: string): Promise<SignInSecrets> =>
    openSignInSecrets(box, id, await storage.oauthSessions.getEncryptedSecrets(id));
  const patchDetails = async (
    session: OAuthSession,
    patch: Partial<SignInDetails>,
    rest: Parameters<Storage['oauthSessions']['update']>[1] = {},
  ): Promise<OAuthSession> => {
    const updated = await storage.oauthSessions.update(session.id, {
      ...rest,
      details: { ...detailsOf(session), ...patch },
    });
    return updated ?? session;
  };

  const loopback = new LoopbackCallbackServer({
    ports: options.loopbackPorts,
    onCallback: (url) => service.completeByState(url),
  });
  const releaseLoopback = (session: OAuthSession) => {
    if (detailsOf(session).callbackMode === 'loopback') loopback.release(session.id);
  };

  /** Marks a session ended (not completed); its secrets are erased by storage. */
  const end = async (
    session: OAuthSession,
    status: 'expired' | 'failed' | 'cancelled',
    error: string | null,
    phase?: 'denied',
  ): Promise<OAuthSession> => {
    poller.cancel(session.id);
    releaseLoopback(session);
    return patchDetails(session, phase ? { phase } : {}, { status, error });
  };

  const auditSignIn = async (
    details: SignInDetails,
    accountId: string,
    outcome: 'created' | 'updated',
  ) => {
    await storage.auditLog
      .append({
        actorUserId: details.actorUserId,
        actorIp: details.actorIp,
        action: 'account.sign-in',
        targetType: 'account',
        targetId: accountId,
        details: {
          method: details.method,
          flow: details.flow,
          provider: details.provider,
          outcome,
        },
      })
      .catch((error: unknown) => logger.error({ err: error }, 'could not write the audit entry'));
  };

  const accountSummary = (account: {
    id: string;
    name: string;
    email: string | null;
    plan: string | null;
  }) => ({
    id: account.id,
    name: account.name,
    email: account.email,
    plan: account.plan,
  });

  /**
   * Tokens arrived: validate them with Kiro, then store the account, or park the sign-in in
   * `awaiting-decision` when the account is already in the pool.
   */
  const finish = async (sessionId: string, candidate: AccountCandidate): Promise<void> => {
    let session = await load(sessionId);
    const details = detailsOf(session);
    try {
      const validated = await validateAccount(onboarding, candidate);
      session = await load(sessionId);
      if (session.status !== 'pending') return; // cancelled meanwhile
      const duplicate = await findDuplicate(onboarding, validated);
      if (duplicate !== undefined) {
        await storage.oauthSessions.update(sessionId, {
          encryptedSecrets: sealSignInSecrets(box, sessionId, { validated }),
          details: {
            ...detailsOf(session),
            phase: 'awaiting-decision',
            apiRegion: validated.apiRegion,
            duplicateOf: { id: duplicate.id, name: duplicate.name },
          },
        });
        return;
      }
      const { account } = await storage.oauthSessions.complete({
        sessionId,
        account: newAccountOf(onboarding, validated, { name: details.name ?? undefined }),
      });
      await onboarding.reload();
      await patchDetails(await load(sessionId), {
        account: accountSummary(account),
        apiRegion: validated.apiRegion,
      });
      await auditSignIn(details, account.id, 'created');
    } catch (error) {
      logger.warn({ sessionId, error: errorText(error) }, 'sign-in could not be completed');
      const current = await storage.oauthSessions.get(sessionId);
      if (current?.status === 'pending') await end(current, 'failed', errorText(error));
    }
  };

  const hooks: DevicePollHooks = {
    async load(sessionId) {
      const session = await storage.oauthSessions.get(sessionId);
      if (session?.status !== 'pending' || session.details === null) return undefined;
      const details = detailsOf(session);
      if (details.phase !== 'polling') return undefined;
      return {
        session,
        secrets: await secretsOf(sessionId),
        ssoRegion: details.ssoRegion ?? builderIdRegion,
        intervalSeconds: details.pollIntervalSeconds ?? 5,
      };
    },
    async savePace(sessionId, intervalSeconds, nextPollAt) {
      const session = await storage.oauthSessions.get(sessionId);
      if (session?.status === 'pending') {
        await patchDetails(session, { pollIntervalSeconds: intervalSeconds, nextPollAt });
      }
    },
    async end(sessionId, outcome, error) {
      const session = await storage.oauthSessions.get(sessionId);
      if (session?.status !== 'pending') return;
      if (outcome === 'denied') await end(session, 'failed', error, 'denied');
      else await end(session, outcome, error);
    },
    async succeed(sessionId, result) {
      if (result.status !== 'success') return;
      const session = await storage.oauthSessions.get(sessionId);
      if (session?.status !== 'pending') return;
      const secrets = await secretsOf(sessionId);
      const details = detailsOf(session);
      await patchDetails(session, { phase: 'finishing', nextPollAt: null });
      await finish(sessionId, {
        authMethod: details.method,
        provider: details.method === 'builder-id' ? 'BuilderId' : 'Enterprise',
        credentials: {
          ...result.tokens,
          clientId: secrets.clientId,
          clientSecret: secrets.clientSecret,
          clientSecretExpiresAt: secrets.clientSecretExpiresAt,
        },
        ssoRegion: details.ssoRegion,
        startUrl: details.startUrl,
      });
    },
  };
  const poller = new DeviceCodePoller({ kiro, hooks, logger, now });

  const startDeviceCode = async (
    input: { method: 'builder-id' | 'idc'; startUrl: string; ssoRegion: string; name?: string },
    actor: SignInActor,
  ): Promise<OAuthSession> => {
    const registration = await kiro.registerOidcClient({
      ssoRegion: input.ssoRegion,
      startUrl: input.startUrl,
    });
    const device = await kiro.startDeviceAuthorization({
      ssoRegion: input.ssoRegion,
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      startUrl: input.startUrl,
    });
    const created = await storage.oauthSessions.create({
      kind: input.method,
      expiresAt: Date.parse(device.expiresAt),
      details: blankDetails({
        method: input.method,
        flow: 'device-code',
        phase: 'polling',
        name: input.name ?? null,
        userCode: device.userCode,
        verificationUri: device.verificationUri,
        verificationUriComplete: device.verificationUriComplete ?? null,
        pollIntervalSeconds: device.intervalSeconds,
        nextPollAt: now() + device.intervalSeconds * 1000,
        ssoRegion: input.ssoRegion,
        apiRegion: input.method === 'idc' ? apiRegionCandidates(input.ssoRegion)[0]! : 'us-east-1',
        startUrl: input.startUrl,
        actorUserId: actor.userId,
        actorIp: actor.ip,
      }) as unknown as Record<string, unknown>,
    });
    await storage.oauthSessions.update(created.id, {
      encryptedSecrets: sealSignInSecrets(box, created.id, {
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        ...(registration.clientSecretExpiresAt === undefined
          ? {}
          : { clientSecretExpiresAt: registration.clientSecretExpiresAt }),
        deviceCode: device.deviceCode,
      }),
    });
    poller.schedule(created.id, now() + device.intervalSeconds * 1000);
    return created;
  };

  /** A browser flow's redirect: the loopback listener when it is used, else a URL to paste back. */
  const redirectFor = async (
    sessionId: string,
    mode: CallbackMode,
    pasteUri: string,
  ): Promise<string> => (mode === 'loopback' ? loopback.open(sessionId) : pasteUri);

  const modeOf = (requested: CallbackMode | undefined): CallbackMode => {
    if (requested === 'loopback' && !options.capabilities.loopbackCallback) {
      throw new InvalidRequestError({
        code: 'loopback_unavailable',
        message: `A loopback callback cannot complete here: ${options.capabilities.reason}`,
      });
    }
    return requested ?? (options.capabilities.loopbackCallback ? 'loopback' : 'paste');
  };

  const startBrowserFlow = async (
    input: Extract<StartSignIn, { method: 'social' } | { method: 'idc' }>,
    actor: SignInActor,
  ): Promise<OAuthSession> => {
    const mode = modeOf(input.callbackMode);
    const session = await storage.oauthSessions.create({
      kind: input.method,
      expiresAt: now() + browserSignInMs,
      details: blankDetails({
        method: input.method,
        flow: input.method === 'social' ? 'pkce' : 'auth-code',
        callbackMode: mode,
        name: input.name ?? null,
        actorUserId: actor.userId,
        actorIp: actor.ip,
      }) as unknown as Record<string, unknown>,
    });
    try {
      if (input.method === 'social') {
        const redirectUri = await redirectFor(session.id, mode, kiroIdeRedirectUri);
        const login = startSocialLogin({
          provider: input.provider,
          redirectUri,
          endpoints: kiro.endpoints,
        });
        await storage.oauthSessions.update(session.id, {
          state: login.state,
          encryptedSecrets: sealSignInSecrets(box, session.id, {
            codeVerifier: login.codeVerifier,
          }),
        });
        return await patchDetails(session, {
          provider: input.provider,
          authUrl: login.url,
          redirectUri,
          apiRegion: 'us-east-1',
        });
      }
      const redirectUri = await redirectFor(session.id, mode, pasteLoopbackRedirectUri);
      const registration = await kiro.registerOidcClient({
        ssoRegion: input.ssoRegion,
        startUrl: input.startUrl,
        redirectUris: [redirectUri],
      });
      const login = startOidcAuthCodeLogin({
        clientId: registration.clientId,
        ssoRegion: input.ssoRegion,
        redirectUri,
        endpoints: kiro.endpoints,
      });
      await storage.oauthSessions.update(session.id, {
        state: login.state,
        encryptedSecrets: sealSignInSecrets(box, session.id, {
          codeVerifier: login.codeVerifier,
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          ...(registration.clientSecretExpiresAt === undefined
            ? {}
            : { clientSecretExpiresAt: registration.clientSecretExpiresAt }),
        }),
      });
      return await patchDetails(session, {
        authUrl: login.url,
        redirectUri,
        ssoRegion: input.ssoRegion,
        apiRegion: apiRegionCandidates(input.ssoRegion)[0]!,
        startUrl: input.startUrl,
      });
    } catch (error) {
      await end(session, 'failed', errorText(error));
      throw error;
    }
  };

  /** Reads the callback, checks state, exchanges the code and finishes the sign-in. */
  const redeemCallback = async (session: OAuthSession, url: string): Promise<OAuthSession> => {
    const details = detailsOf(session);
    if (statusOf(session, details) !== 'pending' || details.phase !== 'waiting') {
      throw conflict(`This sign-in is ${statusOf(session, details)}, not waiting for a callback.`);
    }
    if (finishing.has(session.id)) throw conflict('This sign-in is already being completed.');
    let parsedUrl: URL;
    try {
      parsedUrl = new URL(url.trim());
    } catch {
      throw new InvalidRequestError({ code: 'invalid_callback', message: 'That is not a URL.' });
    }
    const providerError = parsedUrl.searchParams.get('error');
    if (providerError !== null && parsedUrl.searchParams.get('state') === session.state) {
      return end(session, 'failed', `The sign-in was refused: ${providerError}.`, 'denied');
    }
    let code: string;
    try {
      code = parseSocialCallback(parsedUrl.toString(), session.state ?? '').code;
    } catch {
      throw new InvalidRequestError({
        code: 'invalid_callback',
        message:
          'The URL is not the callback of this sign-in: it has no code, or its state does not match.',
      });
    }
    finishing.add(session.id);
    try {
      const secrets = await secretsOf(session.id);
      session = await patchDetails(session, { phase: 'finishing' });
      releaseLoopback(session);
      try {
        if (details.method === 'social') {
          const tokens = await kiro.exchangeSocialCode({
            code,
            codeVerifier: secrets.codeVerifier ?? '',
            redirectUri: details.redirectUri ?? kiroIdeRedirectUri,
          });
          await finish(session.id, {
            authMethod: 'social',
            provider: details.provider,
            credentials: tokens,
            profileArn: tokens.profileArn ?? null,
            apiRegion: 'us-east-1',
          });
        } else {
          const tokens = await kiro.exchangeOidcAuthCode({
            ssoRegion: details.ssoRegion ?? 'us-east-1',
            clientId: secrets.clientId ?? '',
            clientSecret: secrets.clientSecret ?? '',
            code,
            codeVerifier: secrets.codeVerifier ?? '',
            redirectUri: details.redirectUri ?? pasteLoopbackRedirectUri,
          });
          await finish(session.id, {
            authMethod: 'idc',
            provider: 'Enterprise',
            credentials: {
              ...tokens,
              clientId: secrets.clientId,
              clientSecret: secrets.clientSecret,
              clientSecretExpiresAt: secrets.clientSecretExpiresAt,
            },
            ssoRegion: details.ssoRegion,
            startUrl: details.startUrl,
          });
        }
      } catch (error) {
        const current = await storage.oauthSessions.get(session.id);
        if (current?.status === 'pending') {
          await end(current, 'failed', `The code could not be exchanged: ${errorText(error)}`);
        }
      }
      return await load(session.id);
    } finally {
      finishing.delete(session.id);
    }
  };

  /** A pending session past its deadline is expired now, whoever looks first. */
  const expireIfDue = async (session: OAuthSession): Promise<OAuthSession> => {
    const details = detailsOf(session);
    // A decision may come a while after the flow's own deadline (a device code expires in minutes).
    const deadline =
      details.phase === 'awaiting-decision' ? session.expiresAt + decisionMs : session.expiresAt;
    const overdue =
      session.status === 'pending' && now() >= deadline && details.phase !== 'finishing';
    if (!overdue) return session;
    return end(session, 'expired', 'The sign-in expired.');
  };

  const service: SignInService = {
    capabilities: () => options.capabilities,

    async start(input, actor) {
      let session: OAuthSession;
      if (input.method === 'builder-id') {
        session = await startDeviceCode(
          {
            method: 'builder-id',
            startUrl: builderIdStartUrl,
            ssoRegion: builderIdRegion,
            ...(input.name === undefined ? {} : { name: input.name }),
          },
          actor,
        );
      } else if (input.method === 'idc') {
        let startUrl: string;
        try {
          startUrl = idcStartUrl(input.startUrl);
        } catch (error) {
          throw new InvalidRequestError({
            code: 'invalid_start_url',
            message: `Not an IAM Identity Center start URL: ${errorText(error)}`,
          });
        }
        if (!isAwsRegion(input.ssoRegion)) {
          throw new InvalidRequestError({
            code: 'invalid_region',
            message: `${input.ssoRegion} is not an AWS region.`,
          });
        }
        session =
          input.flow === 'auth-code'
            ? await startBrowserFlow({ ...input, startUrl }, actor)
            : await startDeviceCode(
                {
                  method: 'idc',
                  startUrl,
                  ssoRegion: input.ssoRegion,
                  ...(input.name === undefined ? {} : { name: input.name }),
                },
                actor,
              );
      } else {
        session = await startBrowserFlow(input, actor);
      }
      return toSignInSessionDto(await load(session.id));
    },

    async get(id) {
      const session = await storage.oauthSessions.get(id);
      if (session === undefined || session.details === null) return undefined;
      return toSignInSessionDto(await expireIfDue(session));
    },

    async callback(id, url) {
      const session = await expireIfDue(await load(id));
      return toSignInSessionDto(await redeemCallback(session, url));
    },

    async completeByState(url) {
      let state: string | null = null;
      try {
        state = new URL(url).searchParams.get('state');
      } catch {
        // not a URL: answered below
      }
      const session = state === null ? undefined : await storage.oauthSessions.getByState(state);
      if (session === undefined || session.details === null) {
        return { ok: false, message: 'This sign-in is unknown or has ended. Start it again.' };
      }
      try {
        const done = toSignInSessionDto(await redeemCallback(await expireIfDue(session), url));
        if (done.status === 'completed') {
          return { ok: true, message: 'The account was added. You can close this tab.' };
        }
        if (done.status === 'awaiting-decision') {
          return {
            ok: true,
            message: 'This account is already in OctoProxy: choose what to do in the dashboard.',
          };
        }
        return { ok: false, message: done.error ?? `The sign-in is ${done.status}.` };
      } catch (error) {
        return { ok: false, message: errorText(error) };
      }
    },

    async cancel(id) {
      const session = await load(id);
      const details = detailsOf(session);
      if (session.status !== 'pending' || details.phase === 'finishing') {
        throw conflict(`This sign-in is ${statusOf(session, details)} and cannot be cancelled.`);
      }
      return toSignInSessionDto(await end(session, 'cancelled', 'Cancelled by the admin.'));
    },

    async resolve(id, action) {
      const session = await expireIfDue(await load(id));
      const details = detailsOf(session);
      if (statusOf(session, details) !== 'awaiting-decision') {
        throw conflict(`This sign-in is ${statusOf(session, details)}, not awaiting a decision.`);
      }
      if (action === 'discard') {
        return toSignInSessionDto(await end(session, 'cancelled', 'Discarded by the admin.'));
      }
      const { validated } = await secretsOf(id);
      if (validated === undefined) throw conflict('This sign-in lost its tokens; start it again.');
      if (action === 'create') {
        const { account } = await storage.oauthSessions.complete({
          sessionId: id,
          account: newAccountOf(onboarding, validated, { name: details.name ?? undefined }),
        });
        await onboarding.reload();
        await patchDetails(await load(id), { account: accountSummary(account), phase: 'waiting' });
        await auditSignIn(details, account.id, 'created');
      } else {
        const target = details.duplicateOf?.id;
        if (target === undefined) throw conflict('This sign-in has no duplicate to update.');
        const account = await updateAccountWith(onboarding, target, validated);
        await patchDetails(
          session,
          { account: accountSummary(account), phase: 'waiting' },
          { status: 'completed', error: null },
        );
        await auditSignIn(details, account.id, 'updated');
      }
      return toSignInSessionDto(await load(id));
    },

    async resume() {
      for (const session of await storage.oauthSessions.listPending()) {
        if (session.details === null) continue;
        const details = detailsOf(session);
        if (details.flow === 'device-code' && details.phase === 'polling') {
          poller.schedule(session.id, details.nextPollAt ?? now());
        } else if (details.phase === 'finishing') {
          // The last run stopped between receiving tokens and storing the account.
          await end(
            session,
            'failed',
            'The server restarted while finishing this sign-in; start it again.',
          );
        }
      }
    },

    async stop() {
      poller.stop();
      await loopback.close();
    },
  };
  return service;
}
