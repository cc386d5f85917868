import type { AdminDb, Database } from './port.js';

// Adapters register the raw connection they were built on, so tools holding a `Database` can reach
// it explicitly (`adminOf(db)`) without widening the port every request handler sees.
const admins = new WeakMap<Database, AdminDb>();

export function registerAdmin(db: Database, admin: AdminDb): void {
  admins.set(db, admin);
}

/** The raw superuser connection under a database opened by this module (same instance/pool). */
export function adminOf(db: Database): AdminDb {
  const admin = admins.get(db);
  if (!admin) throw new Error('adminOf: this Database was not opened by api/src/db');
  return admin;
}
