// The dashboard is client-rendered: sessions live in the browser (supabase-js, localStorage).
export const ssr = false;
export const prerender = false;
