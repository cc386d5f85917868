// The part of the Supabase Auth (GoTrue) HTTP API that supabase-js uses for email + password,
// served when no Supabase project is configured. Shapes follow auth-js 2.109 (lib/fetch.ts):
// sessions are `{ access_token, token_type, expires_in, expires_at, refresh_token, user }`, errors
// `{ code, error_code, msg }` with the X-Supabase-Api-Version header so `code` is read. Held to
// GoTrue's care: rate limits, password rules, capped bodies, sessions that end (docs/configuration.md).
import { SignJWT, type JWK } from 'jose';
import { AuthApiError, clientAddress, emailOf, newPassword, readJsonBody, requireEmail, userMetadata } from './auth-request.js';
import { passwordBytes } from './password-policy.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { createRateLimiter } from './rate-limiter.js';
import type { SessionCheck } from './session-check.js';
import { MAX_PASSWORD_BYTES, type AuthSettings } from './settings.js';
import type { SigningKey } from './signing-key.js';
import { AuthenticationError, bearerToken, type TokenVerifier } from './token-verifier.js';
import type { AuthUserRow, UserStore } from './user-store.js';

export interface LocalAuthOptions {
  key: SigningKey;
  /** `iss` of issued tokens: `<public url>/auth/v1`. */
  issuer: string;
  /** Verifies this server's own tokens (the same verifier the GraphQL API uses). */
  verify: TokenVerifier;
  /** Access token lifetime; Supabase's default is one hour. */
  accessTokenSeconds?: number;
  users: UserStore;
  /** The API's session check, told at once about the sessions this server ends. */
  sessions: SessionCheck;
  settings: AuthSettings;
}

export interface LocalAuth {
  /** Answers a request under /auth/v1 from the socket peer `socketAddress`; other paths are not its business. */
  handle(request: Request, socketAddress?: string): Promise<Response>;
  jwks: { keys: JWK[] };
}

const API_VERSION = '2024-01-01';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-supabase-api-version': API_VERSION, ...headers },
  });
}

function iso(value: Date | string | null | undefined): string | undefined {
  return value == null ? undefined : new Date(value).toISOString();
}

function userJson(user: AuthUserRow) {
  return {
    id: user.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: user.email,
    email_confirmed_at: iso(user.email_confirmed_at),
    confirmed_at: iso(user.email_confirmed_at),
    phone: '',
    last_sign_in_at: iso(user.last_sign_in_at),
    app_metadata: user.raw_app_meta_data ?? { provider: 'email', providers: ['email'] },
    user_metadata: user.raw_user_meta_data ?? {},
    identities: [],
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at ?? user.created_at),
    is_anonymous: false,
  };
}

export function createLocalAuth(options: LocalAuthOptions): LocalAuth {
  const { users, sessions, settings } = options;
  const ttl = options.accessTokenSeconds ?? 3600;
  const limits = settings.rateLimits;
  const limiter = createRateLimiter({ windowMs: settings.rateWindowSeconds * 1000 });

  /** 429 with Retry-After when `key` used up `limit` in this window; `count: false` only looks. */
  function throttle(bucket: string, key: string, limit: number, count = true) {
    const id = `${bucket}:${key}`;
    const waitMs = count ? limiter.take(id, limit) : limiter.blockedFor(id, limit);
    if (waitMs > 0) {
      const seconds = String(Math.max(1, Math.ceil(waitMs / 1000)));
      const code = bucket.startsWith('recover') ? 'over_email_send_rate_limit' : 'over_request_rate_limit';
      const message = code === 'over_email_send_rate_limit' ? 'email rate limit exceeded' : 'Request rate limit reached';
      throw new AuthApiError(429, code, message, {}, { 'retry-after': seconds });
    }
  }

  async function session(user: AuthUserRow, sessionId: string, refreshToken: string) {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      aud: 'authenticated',
      role: 'authenticated',
      email: user.email,
      phone: '',
      session_id: sessionId,
      app_metadata: user.raw_app_meta_data ?? { provider: 'email', providers: ['email'] },
      user_metadata: user.raw_user_meta_data ?? {},
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: now }],
      is_anonymous: false,
    };
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: options.key.kid, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(options.issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .sign(options.key.privateKey);
    return json(200, {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: ttl,
      expires_at: now + ttl,
      refresh_token: refreshToken,
      user: userJson(user),
    });
  }

  async function newSession(user: AuthUserRow): Promise<Response> {
    const sessionId = await users.createSession(user.id);
    await users.touchSignIn(user.id);
    const fresh = (await users.findById(user.id)) ?? user;
    return session(fresh, sessionId, await users.issueRefreshToken(user.id, sessionId));
  }

  async function signUp(request: Request, ip: string): Promise<Response> {
    throttle('sign-up-ip', ip, limits.signUpPerIp);
    const input = await readJsonBody(request, settings.maxBodyBytes);
    const email = emailOf(input);
    requireEmail(email);
    throttle('sign-up-email', email, limits.signUpPerEmail);
    const password = newPassword(input.password, settings.minPasswordLength, email);
    const metadata = userMetadata(input.data) ?? {};
    const user = await users.create(email, await hashPassword(password), metadata);
    // with mailer_autoconfirm on, GoTrue itself answers a taken address so (no confirmation mail to hide behind)
    if (!user) throw new AuthApiError(422, 'user_already_exists', 'User already registered');
    return newSession(user);
  }

  async function signIn(request: Request, ip: string): Promise<Response> {
    // only failures count, so a team behind one address signs in as often as it likes
    throttle('sign-in-ip', ip, limits.signInFailuresPerIp, false);
    const input = await readJsonBody(request, settings.maxBodyBytes);
    const email = emailOf(input);
    // unknown addresses have buckets too: a 429 says nothing about whether the account exists
    if (email) throttle('sign-in-email', email, limits.signInFailuresPerEmail, false);
    const password = typeof input.password === 'string' ? input.password : '';
    const user = email ? await users.findByEmail(email) : undefined;
    // no stored password is longer than 72 bytes, and hashing 60 MB would stall the process
    const ok = passwordBytes(password) <= MAX_PASSWORD_BYTES && (await verifyPassword(password, user?.encrypted_password));
    if (!user || !ok) {
      limiter.hit(`sign-in-ip:${ip}`);
      if (email) limiter.hit(`sign-in-email:${email}`);
      throw new AuthApiError(400, 'invalid_credentials', 'Invalid login credentials');
    }
    return newSession(user);
  }

  async function refresh(request: Request, ip: string): Promise<Response> {
    throttle('refresh-ip', ip, limits.refreshPerIp);
    const input = await readJsonBody(request, settings.maxBodyBytes);
    const refreshToken = typeof input.refresh_token === 'string' ? input.refresh_token : '';
    const outcome = refreshToken ? await users.refresh(refreshToken, settings.refreshReuseIntervalSeconds) : { kind: 'unknown' as const };
    if (outcome.kind === 'replayed') {
      sessions.ended([outcome.sessionId]);
      throw new AuthApiError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
    }
    if (outcome.kind === 'unknown') throw new AuthApiError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    const user = await users.findById(outcome.userId);
    if (!user) throw new AuthApiError(400, 'user_not_found', 'User from sub claim in JWT does not exist');
    return session(user, outcome.sessionId, outcome.refreshToken);
  }

  async function token(request: Request, grantType: string | null, ip: string): Promise<Response> {
    if (grantType === 'password') return signIn(request, ip);
    if (grantType === 'refresh_token') return refresh(request, ip);
    throw new AuthApiError(400, 'validation_failed', `unsupported grant_type "${grantType ?? ''}"`);
  }

  async function recover(request: Request, ip: string): Promise<Response> {
    throttle('recover-ip', ip, limits.recoverPerIp);
    const email = emailOf(await readJsonBody(request, settings.maxBodyBytes));
    requireEmail(email);
    throttle('recover-email', email, limits.recoverPerEmail);
    // GoTrue answers {} whether or not the address has an account; this stand-in has no mailer to send with
    return json(200, {});
  }

  async function caller(request: Request) {
    const jwt = bearerToken(request.headers.get('authorization'));
    if (!jwt) throw new AuthApiError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
    try {
      const claims = await options.verify(jwt);
      const sessionId = typeof claims.session_id === 'string' ? claims.session_id : '';
      if (!(await sessions.isLive(sessionId, claims.sub))) {
        throw new AuthApiError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
      }
      return { claims, sessionId };
    } catch (error) {
      if (error instanceof AuthenticationError) throw new AuthApiError(403, 'bad_jwt', `invalid JWT: ${error.message}`);
      throw error;
    }
  }

  async function getUser(request: Request): Promise<Response> {
    const { claims } = await caller(request);
    const user = await users.findById(claims.sub);
    if (!user) throw new AuthApiError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    return json(200, userJson(user));
  }

  /** PUT /user: a new password (other sessions end, as in GoTrue) and/or user metadata (merged). */
  async function updateUser(request: Request): Promise<Response> {
    const { claims, sessionId } = await caller(request);
    const input = await readJsonBody(request, settings.maxBodyBytes);
    const user = await users.findById(claims.sub);
    if (!user) throw new AuthApiError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    if (typeof input.email === 'string' && input.email.trim().toLowerCase() !== user.email) {
      throw new AuthApiError(400, 'validation_failed', 'email: the local auth cannot change email addresses');
    }
    const patch = userMetadata(input.data);
    const password = input.password === undefined ? undefined : newPassword(input.password, settings.minPasswordLength, user.email);
    if (patch) {
      // GoTrue merges: keys set to null are removed
      const merged = { ...(user.raw_user_meta_data ?? {}), ...patch };
      for (const [key, value] of Object.entries(patch)) if (value === null) delete merged[key];
      await users.updateMetadata(user.id, userMetadata(merged)!);
    }
    if (password !== undefined) {
      if (await verifyPassword(password, user.encrypted_password)) {
        throw new AuthApiError(422, 'same_password', 'New password should be different from the old password.');
      }
      sessions.ended(await users.updatePassword(user.id, await hashPassword(password), sessionId));
    }
    return json(200, userJson((await users.findById(user.id)) ?? user));
  }

  async function logout(request: Request, scope: string | null): Promise<Response> {
    const { claims, sessionId } = await caller(request);
    const which = scope === 'local' || scope === 'others' ? scope : 'global';
    sessions.ended(await users.revokeSessions(claims.sub, which, sessionId));
    return new Response(null, { status: 204, headers: { 'x-supabase-api-version': API_VERSION } });
  }

  const jwks = { keys: [options.key.publicJwk] };

  return {
    jwks,
    async handle(request, socketAddress) {
      const url = new URL(request.url);
      const route = `${request.method} ${url.pathname.replace(/^\/auth\/v1/, '').replace(/\/$/, '')}`;
      const ip = clientAddress(request, socketAddress, settings.trustedProxies);
      try {
        switch (route) {
          case 'POST /signup':
            return await signUp(request, ip);
          case 'POST /token':
            return await token(request, url.searchParams.get('grant_type'), ip);
          case 'POST /recover':
            return await recover(request, ip);
          case 'GET /user':
            return await getUser(request);
          case 'PUT /user':
            return await updateUser(request);
          case 'POST /logout':
            return await logout(request, url.searchParams.get('scope'));
          case 'GET /.well-known/jwks.json':
            return json(200, jwks);
          case 'GET /settings':
            return json(200, { external: { email: true }, disable_signup: false, mailer_autoconfirm: true });
          case 'GET /health':
            return json(200, { name: 'tdg-local-auth', description: 'tdg local Supabase Auth stand-in' });
          default:
            throw new AuthApiError(404, 'not_found', `${route} is not served by the local auth`);
        }
      } catch (error) {
        if (!(error instanceof AuthApiError)) throw error;
        return json(error.status, { code: error.code, error_code: error.code, msg: error.message, ...error.extra }, error.headers);
      }
    },
  };
}
