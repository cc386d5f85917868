// Files follow their rows. Every file of an export lives under `<ownerId>/<exportId>/`: the result,
// `chunks/` made by helpers, and — on local storage — `*.partial` files of puts under way. Two
// clean-ups keep storage in step with the export rows:
// - sweepOrphanFiles: folders whose export row is gone, everything but the result of a finished
//   export, and `.partial` files nobody has written to for a long time (a writer that died);
// - recoverDeadWorkers: at start, leases held by workers of this host whose process is gone are
//   taken back, their half-written files removed and the work handed on at once, not after the lease.
import { hostname } from 'node:os';
import type { Database } from '../db/port.js';
import { TERMINAL_STATUSES } from '../exports/model.js';
import { expireLeasesOf, exportFileStates, leaseOwners, takeOverLeases } from '../exports/store.js';
import type { ExportStorage, ListedObject } from '../storage/port.js';
import { folderOf } from './export-paths.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TERMINAL = TERMINAL_STATUSES.map((status) => status.toLowerCase());
// the chunk a chunk file (or its partial) belongs to: chunks/000012.bytes[.<hex>.partial]
const CHUNK_FILE = /\/chunks\/(\d+)\.(?:bytes|rows)(?:\.[0-9a-f]+\.partial)?$/;

export const isPartial = (path: string) => path.endsWith('.partial');

export interface OrphanSweepOptions {
  now?: Date;
  /** A `.partial` of a running export untouched this long has lost its writer. Default one hour. */
  staleAfterMs?: number;
}

export interface OrphanSweepResult {
  /** Folders removed because their export row is gone. */
  folders: string[];
  /** Single files removed: leftovers of finished exports and stale partials. */
  files: string[];
}

function groupByExport(objects: ListedObject[]) {
  const groups = new Map<string, { ownerId: string; exportId: string; objects: ListedObject[] }>();
  for (const object of objects) {
    const [ownerId, exportId] = object.path.split('/');
    // anything not laid out as <uuid>/<uuid>/... is not ours to judge
    if (!UUID.test(ownerId ?? '') || !UUID.test(exportId ?? '') || object.path.split('/').length < 3) continue;
    const key = folderOf(ownerId, exportId);
    const group = groups.get(key) ?? { ownerId, exportId, objects: [] };
    group.objects.push(object);
    groups.set(key, group);
  }
  return groups;
}

/** Removes files no export row accounts for (see the top of this file). */
export async function sweepOrphanFiles(db: Database, storage: ExportStorage, options: OrphanSweepOptions = {}): Promise<OrphanSweepResult> {
  const now = (options.now ?? new Date()).getTime();
  const staleAfterMs = options.staleAfterMs ?? 3_600_000;
  // listed before the rows are read: a file listed here existed before the row state we judge it by
  const groups = groupByExport(await storage.list(''));
  const result: OrphanSweepResult = { folders: [], files: [] };
  if (groups.size === 0) return result;
  const rows = await db.asService((tx) => exportFileStates(tx, [...new Set([...groups.values()].map((group) => group.exportId))]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const [folder, group] of groups) {
    const row = byId.get(group.exportId);
    if (!row || row.ownerId !== group.ownerId) {
      await storage.remove(folder);
      result.folders.push(folder);
      continue;
    }
    const stale = (object: ListedObject) => isPartial(object.path) && object.modifiedAt !== null && now - object.modifiedAt.getTime() > staleAfterMs;
    const leftovers = TERMINAL.includes(row.status)
      ? group.objects.filter((object) => object.path !== row.resultPath)
      : row.status === 'running'
        ? group.objects.filter(stale)
        : [];
    for (const object of leftovers) {
      await storage.remove(object.path);
      result.files.push(object.path);
    }
  }
  return result;
}

// workers started in this process: a lease with this process's pid but another id is a previous
// life's (a restarted container gets the same pid), never one of these
const workersOfThisProcess = new Set<string>();

/** `host:pid:…` worker ids of this host whose process no longer runs. */
function deadWorkersOfThisHost(owners: string[]): string[] {
  const prefix = `${hostname()}:`;
  return owners.filter((owner) => {
    if (!owner.startsWith(prefix)) return false;
    const pid = Number(owner.slice(prefix.length).split(':')[0]);
    if (!Number.isSafeInteger(pid) || pid <= 0) return false;
    if (pid === process.pid) return !workersOfThisProcess.has(owner);
    try {
      process.kill(pid, 0);
      return false; // alive (or a reused pid: then its lease simply runs out)
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
  });
}

export interface RecoveryResult {
  /** Worker ids whose leases were taken back. */
  workers: string[];
  exports: string[];
  chunks: { exportId: string; chunkIndex: number }[];
  /** Half-written files removed. */
  files: string[];
}

/**
 * After a crash: takes back the leases of dead workers of this host (held for a moment by `recoverer`
 * so nobody starts on them while their `.partial` files go), removes those files, and releases
 * the leases expired, so any worker takes the work over at once.
 */
export async function recoverDeadWorkers(db: Database, storage: ExportStorage, recoverer: string): Promise<RecoveryResult> {
  workersOfThisProcess.add(recoverer);
  const dead = deadWorkersOfThisHost(await db.asService(leaseOwners));
  const result: RecoveryResult = { workers: dead, exports: [], chunks: [], files: [] };
  if (dead.length === 0) return result;
  const held = await db.asService((tx) => takeOverLeases(tx, dead, recoverer));
  try {
    for (const row of held.exports) {
      // the coordinator's partials sit beside the result, outside chunks/
      for (const object of await storage.list(folderOf(row.ownerId, row.id))) {
        if (isPartial(object.path) && !object.path.includes('/chunks/')) {
          await storage.remove(object.path);
          result.files.push(object.path);
        }
      }
      result.exports.push(row.id);
    }
    for (const row of held.chunks) {
      for (const object of await storage.list(`${folderOf(row.ownerId, row.exportId)}/chunks`)) {
        const index = CHUNK_FILE.exec(object.path)?.[1];
        if (isPartial(object.path) && index !== undefined && Number(index) === row.chunkIndex) {
          await storage.remove(object.path);
          result.files.push(object.path);
        }
      }
      result.chunks.push({ exportId: row.exportId, chunkIndex: row.chunkIndex });
    }
  } finally {
    // handed on expired: claimExport / claimChunk take them over at once
    await db.asService((tx) => expireLeasesOf(tx, recoverer));
  }
  return result;
}
