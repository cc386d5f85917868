// Plain HTTP calls to a running server's /auth/v1 and /graphql, for the auth hardening suites.

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export interface SessionAnswer {
  access_token: string;
  refresh_token: string;
  user: { id: string; email: string };
}

export const STRONG_PASSWORD = 'violet-harbor-lantern-42';

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

export function authClient(url: string) {
  const call = async (
    method: string,
    path: string,
    options: { body?: unknown; ip?: string; token?: string; raw?: BodyInit; headers?: Record<string, string> } = {},
  ): Promise<Answer> =>
    answer(
      await fetch(`${url}/auth/v1${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          apikey: 'local-anon-key',
          ...(options.ip ? { 'x-forwarded-for': options.ip } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
        ...(options.raw instanceof ReadableStream ? { duplex: 'half' } : {}),
      } as RequestInit),
    );

  return {
    call,
    signUp: (email: string, password = STRONG_PASSWORD, ip?: string, data?: unknown) =>
      call('POST', '/signup', { body: { email, password, ...(data === undefined ? {} : { data }) }, ip }),
    signIn: (email: string, password = STRONG_PASSWORD, ip?: string) => call('POST', '/token?grant_type=password', { body: { email, password }, ip }),
    refresh: (refreshToken: string, ip?: string) => call('POST', '/token?grant_type=refresh_token', { body: { refresh_token: refreshToken }, ip }),
    recover: (email: string, ip?: string) => call('POST', '/recover', { body: { email }, ip }),
    logout: (token: string, scope?: 'global' | 'local' | 'others') => call('POST', `/logout${scope ? `?scope=${scope}` : ''}`, { token }),
    updateUser: (token: string, body: unknown) => call('PUT', '/user', { token, body }),
    /** `{ viewer { id } }` over HTTP as the holder of `token`. */
    viewer: async (token: string) =>
      answer(
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ viewer { id } }' }),
        }),
      ),
  };
}

export type AuthClient = ReturnType<typeof authClient>;
