import type { KiroClient } from '@octoproxy/kiro';

import type { Logger } from '../../logging/create-logger';
import type { Core } from '../../runtime/open-core';
import type { OnboardingDeps } from '../onboard-account';
import { defaultLoopbackPorts } from './loopback-callback-server';
import { signInCapabilities } from './sign-in-capabilities';
import { createSignInService, type SignInService } from './sign-in-service';

/** Onboarding on the real upstream: the Kiro client validates, the pool reloads. */
export function onboardingDepsOf(options: {
  core: Core;
  kiro: KiroClient;
  reload: () => Promise<void>;
}): OnboardingDeps {
  return {
    storage: options.core.storage,
    box: options.core.box,
    kiro: options.kiro,
    reload: options.reload,
  };
}

/** The sign-in service of a server that listens on `listenHost`. */
export function createSignIn(options: {
  onboarding: OnboardingDeps;
  logger: Logger;
  listenHost: string;
  /** `OCTOPROXY_SIGN_IN_CALLBACK`, when the admin set it. */
  callbackMode?: 'loopback' | 'paste' | undefined;
  loopbackPorts?: readonly number[];
}): SignInService {
  return createSignInService({
    onboarding: options.onboarding,
    logger: options.logger,
    capabilities: signInCapabilities(options.listenHost, options.callbackMode),
    loopbackPorts: options.loopbackPorts ?? defaultLoopbackPorts,
  });
}
