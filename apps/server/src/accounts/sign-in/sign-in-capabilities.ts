import type { SignInCapabilities } from './sign-in-service';

/** Whether `host` (what the server listens on) is reachable only from this machine. */
function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

/**
 * A loopback callback completes a browser sign-in by itself only when the admin's browser runs on
 * the server's machine. A server that listens on loopback only is used from that machine; one that
 * listens on every address (Docker, a VPS) is likely used from elsewhere, where 127.0.0.1 is the
 * admin's own computer: the admin pastes the final URL back instead.
 */
export function signInCapabilities(
  listenHost: string,
  /** The admin's own answer (`OCTOPROXY_SIGN_IN_CALLBACK`), which wins over the guess. */
  configured?: 'loopback' | 'paste',
): SignInCapabilities {
  if (configured === 'loopback') {
    return {
      loopbackCallback: true,
      reason: 'OCTOPROXY_SIGN_IN_CALLBACK=loopback: the browser signing in runs on this machine.',
    };
  }
  if (configured === 'paste') {
    return {
      loopbackCallback: false,
      reason: 'OCTOPROXY_SIGN_IN_CALLBACK=paste: paste the final URL of the sign-in back.',
    };
  }
  return isLoopbackHost(listenHost)
    ? {
        loopbackCallback: true,
        reason: `The server listens on ${listenHost}, so the browser signing in runs on its machine.`,
      }
    : {
        loopbackCallback: false,
        reason: `The server listens on ${listenHost} and may run on another machine (Docker, a VPS): paste the final URL of the sign-in back.`,
      };
}
