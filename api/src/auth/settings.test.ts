import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

describe('auth settings', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({}).auth).toEqual({
      rateWindowSeconds: 300,
      rateLimits: {
        signInFailuresPerIp: 30,
        signInFailuresPerEmail: 10,
        signUpPerIp: 30,
        signUpPerEmail: 5,
        refreshPerIp: 300,
        recoverPerIp: 30,
        recoverPerEmail: 3,
      },
      trustedProxies: 0,
      maxBodyBytes: 65_536,
      minPasswordLength: 8,
      sessionCacheSeconds: 5,
      refreshReuseIntervalSeconds: 10,
    });
  });

  it('reads the variables, 0 turning a limit off, and refuses a minimum password length under 8', () => {
    const auth = loadConfig({
      TDG_AUTH_SIGN_IN_PER_EMAIL: '0',
      TDG_TRUSTED_PROXIES: '2',
      TDG_AUTH_SESSION_CACHE_SECONDS: '0',
      TDG_AUTH_MIN_PASSWORD_LENGTH: '12',
    }).auth;
    expect(auth).toMatchObject({ rateLimits: { signInFailuresPerEmail: 0 }, trustedProxies: 2, sessionCacheSeconds: 0, minPasswordLength: 12 });
    expect(() => loadConfig({ TDG_AUTH_MIN_PASSWORD_LENGTH: '6' })).toThrow(new ConfigError('TDG_AUTH_MIN_PASSWORD_LENGTH: must be an integer ≥ 8 (got "6")'));
    expect(() => loadConfig({ TDG_AUTH_RATE_WINDOW_SECONDS: '0' })).toThrow(/^TDG_AUTH_RATE_WINDOW_SECONDS: must be an integer ≥ 1/);
    expect(() => loadConfig({ TDG_AUTH_MAX_BODY_BYTES: '100' })).toThrow(/^TDG_AUTH_MAX_BODY_BYTES/);
  });
});
