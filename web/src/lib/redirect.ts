// Where to go after signing in: only paths on this site, never another origin.

export function safeRedirect(target: string | null | undefined, fallback = '/schemas'): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
  if (target === '/signin' || target.startsWith('/signin?') || target === '/signup') return fallback;
  return target;
}

export function signInPath(current: URL): string {
  const back = current.pathname + current.search;
  return `/signin?redirectTo=${encodeURIComponent(back)}`;
}
