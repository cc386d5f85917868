// Authentication settings from the environment (docs/configuration.md, "Authentication").
// Defaults are sized for a team sharing one office address, not for a botnet.

/** Requests allowed per key in one rate window; 0 turns that limit off. */
export interface RateLimits {
  signInFailuresPerIp: number;
  signInFailuresPerEmail: number;
  signUpPerIp: number;
  signUpPerEmail: number;
  refreshPerIp: number;
  recoverPerIp: number;
  recoverPerEmail: number;
}

export interface AuthSettings {
  /** Length of a rate window in seconds; counts start again after it. */
  rateWindowSeconds: number;
  rateLimits: RateLimits;
  /** Proxies in front of the API that append to X-Forwarded-For (0: the socket address is the client). */
  trustedProxies: number;
  /** Largest /auth/v1 request body; bigger ones get 413 before being read. */
  maxBodyBytes: number;
  minPasswordLength: number;
  /** How long the API trusts a "session is live" answer; logout in this process ends it at once. */
  sessionCacheSeconds: number;
  /** A replayed refresh token this recent, whose successor is the live one, gets that successor back. */
  refreshReuseIntervalSeconds: number;
}

/** bcrypt reads 72 bytes, so GoTrue refuses longer passwords; tdg keeps the same bound. */
export const MAX_PASSWORD_BYTES = 72;
/** user_metadata (`data` of sign-up, PUT /user) as JSON text. */
export const MAX_USER_METADATA_BYTES = 16 * 1024;

type Integer = (name: string, fallback: number, min: number) => number;

export function loadAuthSettings(integer: Integer): AuthSettings {
  return {
    rateWindowSeconds: integer('TDG_AUTH_RATE_WINDOW_SECONDS', 300, 1),
    rateLimits: {
      signInFailuresPerIp: integer('TDG_AUTH_SIGN_IN_PER_IP', 30, 0),
      signInFailuresPerEmail: integer('TDG_AUTH_SIGN_IN_PER_EMAIL', 10, 0),
      signUpPerIp: integer('TDG_AUTH_SIGN_UP_PER_IP', 30, 0),
      signUpPerEmail: integer('TDG_AUTH_SIGN_UP_PER_EMAIL', 5, 0),
      refreshPerIp: integer('TDG_AUTH_REFRESH_PER_IP', 300, 0),
      recoverPerIp: integer('TDG_AUTH_RECOVER_PER_IP', 30, 0),
      recoverPerEmail: integer('TDG_AUTH_RECOVER_PER_EMAIL', 3, 0),
    },
    trustedProxies: integer('TDG_TRUSTED_PROXIES', 0, 0),
    maxBodyBytes: integer('TDG_AUTH_MAX_BODY_BYTES', 64 * 1024, 1024),
    minPasswordLength: integer('TDG_AUTH_MIN_PASSWORD_LENGTH', 8, 8),
    sessionCacheSeconds: integer('TDG_AUTH_SESSION_CACHE_SECONDS', 5, 0),
    refreshReuseIntervalSeconds: integer('TDG_AUTH_REFRESH_REUSE_INTERVAL_SECONDS', 10, 0),
  };
}
