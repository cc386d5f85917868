// The part of the Supabase Auth (GoTrue) HTTP API that supabase-js uses for email + password,
// served when no Supabase project is configured. Shapes follow auth-js 2.109 (lib/fetch.ts):
// sessions are `{ access_token, token_type, expires_in, expires_at, refresh_token, user }`, errors
// `{ code, error_code, msg }` with the X-Supabase-Api-Version header so `code` is read.
import { SignJWT, type JWK } from 'jose';
import type { Database } from '../db/port.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { SigningKey } from './signing-key.js';
import { AuthenticationError, bearerToken, type TokenVerifier } from './token-verifier.js';
import { UserStore, type AuthUserRow } from './user-store.js';

export interface LocalAuthOptions {
  db: Database;
  key: SigningKey;
  /** `iss` of issued tokens: `<public url>/auth/v1`. */
  issuer: string;
  /** Verifies this server's own tokens (the same verifier the GraphQL API uses). */
  verify: TokenVerifier;
  /** Access token lifetime; Supabase's default is one hour. */
  accessTokenSeconds?: number;
}

export interface LocalAuth {
  /** Answers a request under /auth/v1; other paths are not its business. */
  handle(request: Request): Promise<Response>;
  jwks: { keys: JWK[] };
}

const API_VERSION = '2024-01-01';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_PASSWORD = 6;

class AuthApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-supabase-api-version': API_VERSION },
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

async function body(request: Request): Promise<Record<string, unknown>> {
  try {
    const value = await request.json();
    if (value && typeof value === 'object') return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AuthApiError(400, 'bad_json', 'Could not parse request body as JSON');
}

export function createLocalAuth(options: LocalAuthOptions): LocalAuth {
  const users = new UserStore(options.db);
  const ttl = options.accessTokenSeconds ?? 3600;

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

  async function signUp(request: Request): Promise<Response> {
    const input = await body(request);
    // GoTrue stores emails lower-cased
    const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
    const password = typeof input.password === 'string' ? input.password : '';
    if (!EMAIL.test(email)) throw new AuthApiError(400, 'validation_failed', 'Unable to validate email address: invalid format');
    if (password.length < MIN_PASSWORD) {
      throw new AuthApiError(422, 'weak_password', `Password should be at least ${MIN_PASSWORD} characters.`, {
        weak_password: { reasons: ['length'] },
      });
    }
    const metadata = input.data && typeof input.data === 'object' ? (input.data as Record<string, unknown>) : {};
    const user = await users.create(email, await hashPassword(password), metadata);
    if (!user) throw new AuthApiError(422, 'user_already_exists', 'User already registered');
    return newSession(user);
  }

  async function token(request: Request, grantType: string | null): Promise<Response> {
    const input = await body(request);
    if (grantType === 'password') {
      const email = typeof input.email === 'string' ? input.email.trim() : '';
      const user = email ? await users.findByEmail(email) : undefined;
      const ok = await verifyPassword(typeof input.password === 'string' ? input.password : '', user?.encrypted_password);
      if (!user || !ok) throw new AuthApiError(400, 'invalid_credentials', 'Invalid login credentials');
      return newSession(user);
    }
    if (grantType === 'refresh_token') {
      const refreshToken = typeof input.refresh_token === 'string' ? input.refresh_token : '';
      const row = refreshToken ? await users.consumeRefreshToken(refreshToken) : undefined;
      if (row === 'revoked') throw new AuthApiError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
      if (!row) throw new AuthApiError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
      const user = await users.findById(row.user_id);
      if (!user) throw new AuthApiError(400, 'user_not_found', 'User from sub claim in JWT does not exist');
      return session(user, row.session_id, await users.issueRefreshToken(user.id, row.session_id, row.token));
    }
    throw new AuthApiError(400, 'validation_failed', `unsupported grant_type "${grantType ?? ''}"`);
  }

  async function caller(request: Request) {
    const jwt = bearerToken(request.headers.get('authorization'));
    if (!jwt) throw new AuthApiError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
    try {
      const claims = await options.verify(jwt);
      const sessionId = typeof claims.session_id === 'string' ? claims.session_id : '';
      if (!sessionId || !(await users.sessionIsLive(sessionId))) {
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

  async function logout(request: Request, scope: string | null): Promise<Response> {
    const { claims, sessionId } = await caller(request);
    const which = scope === 'local' || scope === 'others' ? scope : 'global';
    await users.revokeSessions(claims.sub, which, sessionId);
    return new Response(null, { status: 204, headers: { 'x-supabase-api-version': API_VERSION } });
  }

  const jwks = { keys: [options.key.publicJwk] };

  return {
    jwks,
    async handle(request) {
      const url = new URL(request.url);
      const route = `${request.method} ${url.pathname.replace(/^\/auth\/v1/, '').replace(/\/$/, '')}`;
      try {
        switch (route) {
          case 'POST /signup':
            return await signUp(request);
          case 'POST /token':
            return await token(request, url.searchParams.get('grant_type'));
          case 'GET /user':
            return await getUser(request);
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
        return json(error.status, { code: error.code, error_code: error.code, msg: error.message, ...error.extra });
      }
    },
  };
}
