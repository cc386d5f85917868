// Whether the PostgreSQL server a bench part needs answers (a bench without it says so and skips).
import postgres from 'postgres';

export async function serverUp(url: string): Promise<boolean> {
  const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  const up = await probe`select 1`.then(
    () => true,
    () => false,
  );
  await probe.end({ timeout: 1 });
  return up;
}
