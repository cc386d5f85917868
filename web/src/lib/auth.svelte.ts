// The signed-in session as rune state. supabase-js keeps the session in localStorage and refreshes
// the access token before it expires (autoRefreshToken); we mirror every change it reports.
import { createClient, type AuthError, type Session, type SupabaseClient, type User } from '@supabase/supabase-js';
import type { WebConfig } from './config.js';

export type AuthResult = { ok: true } | { ok: false; message: string };

export function createSupabase(config: Pick<WebConfig, 'supabaseUrl' | 'supabaseAnonKey'>): SupabaseClient {
  return createClient(config.supabaseUrl, config.supabaseAnonKey, {
    auth: { autoRefreshToken: true, persistSession: true, detectSessionInUrl: false },
  });
}

function failure(error: AuthError | Error): AuthResult {
  return { ok: false, message: error.message || 'Something went wrong, please try again.' };
}

export class Auth {
  session = $state<Session | null>(null);
  /** False until the stored session has been read; guards wait for it before redirecting. */
  ready = $state(false);
  readonly user: User | null = $derived(this.session?.user ?? null);

  #stop: (() => void) | undefined;

  constructor(readonly supabase: SupabaseClient) {}

  /** Starts following the session; returns the function that stops it. */
  start(): () => void {
    const { data } = this.supabase.auth.onAuthStateChange((_event, session) => {
      this.session = session;
      this.ready = true;
    });
    void this.supabase.auth.getSession().then(({ data: current }) => {
      this.session = current.session;
      this.ready = true;
    });
    this.#stop = () => data.subscription.unsubscribe();
    return () => this.stop();
  }

  stop(): void {
    this.#stop?.();
    this.#stop = undefined;
  }

  /** The current access token, for synchronous callers (HTTP fetch options). */
  accessToken(): string | null {
    return this.session?.access_token ?? null;
  }

  /** An access token that is refreshed first when it has expired (WebSocket connection params). */
  async freshAccessToken(): Promise<string | null> {
    const { data } = await this.supabase.auth.getSession();
    return data.session?.access_token ?? null;
  }

  async signUp(email: string, password: string): Promise<AuthResult> {
    const { data, error } = await this.supabase.auth.signUp({ email, password });
    if (error) return failure(error);
    if (!data.session) return { ok: false, message: 'Check your inbox to confirm your email, then sign in.' };
    this.session = data.session;
    return { ok: true };
  }

  async signIn(email: string, password: string): Promise<AuthResult> {
    const { data, error } = await this.supabase.auth.signInWithPassword({ email, password });
    if (error) return failure(error);
    this.session = data.session;
    return { ok: true };
  }

  async signOut(): Promise<AuthResult> {
    const { error } = await this.supabase.auth.signOut();
    // The local session is gone even when the server could not be told.
    this.session = null;
    return error ? failure(error) : { ok: true };
  }
}
