import { describe, expect, it } from 'vitest';
import { webConfig } from './config.js';

describe('webConfig', () => {
  it('defaults to the local API, which also serves the auth stand-in', () => {
    expect(webConfig({})).toEqual({
      apiUrl: 'http://localhost:4000',
      graphqlUrl: 'http://localhost:4000/graphql',
      graphqlWsUrl: 'ws://localhost:4000/graphql',
      supabaseUrl: 'http://localhost:4000',
      supabaseAnonKey: 'local-anon-key',
    });
  });

  it('follows PUBLIC_API_URL for HTTP, WebSocket and auth', () => {
    const config = webConfig({ PUBLIC_API_URL: 'https://api.example.com/' });
    expect(config.graphqlUrl).toBe('https://api.example.com/graphql');
    expect(config.graphqlWsUrl).toBe('wss://api.example.com/graphql');
    expect(config.supabaseUrl).toBe('https://api.example.com');
  });

  it('uses a separate Supabase project when one is given', () => {
    const config = webConfig({
      PUBLIC_API_URL: 'http://localhost:4000',
      PUBLIC_SUPABASE_URL: 'https://xyz.supabase.co',
      PUBLIC_SUPABASE_ANON_KEY: 'anon',
    });
    expect(config.supabaseUrl).toBe('https://xyz.supabase.co');
    expect(config.supabaseAnonKey).toBe('anon');
    expect(config.graphqlUrl).toBe('http://localhost:4000/graphql');
  });
});
