// Where the API and its auth live. The root layout passes `$env/dynamic/public`, read at run time,
// so one build serves any deployment.

export interface WebConfig {
  /** Base URL of the tdg API, e.g. http://localhost:4000. */
  apiUrl: string;
  /** GraphQL over HTTP. */
  graphqlUrl: string;
  /** GraphQL over WebSocket (graphql-ws). */
  graphqlWsUrl: string;
  /** Supabase project URL; the local auth stand-in lives at `${apiUrl}/auth/v1`, so it defaults to the API. */
  supabaseUrl: string;
  supabaseAnonKey: string;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function webConfig(vars: Record<string, string | undefined>): WebConfig {
  const apiUrl = trimSlash(vars.PUBLIC_API_URL?.trim() || 'http://localhost:4000');
  const graphqlUrl = `${apiUrl}/graphql`;
  return {
    apiUrl,
    graphqlUrl,
    graphqlWsUrl: graphqlUrl.replace(/^http/, 'ws'),
    supabaseUrl: trimSlash(vars.PUBLIC_SUPABASE_URL?.trim() || apiUrl),
    supabaseAnonKey: vars.PUBLIC_SUPABASE_ANON_KEY?.trim() || 'local-anon-key',
  };
}
