// Splitting an export into row ranges. Pure: the same tables and size always give the same chunks,
// so a worker that takes over an export recomputes exactly the chunks already stored.
import type { TableShape } from '../engine/shape.js';
import type { ChunkPlan } from '../exports/model.js';

/** Row ranges of at most `chunkRows` rows, table by table in plan order (parent-first). */
export function planChunks(tables: Pick<TableShape, 'rows'>[], chunkRows: number): ChunkPlan[] {
  if (!Number.isSafeInteger(chunkRows) || chunkRows < 1) throw new RangeError(`chunkRows: must be an integer ≥ 1 (got ${chunkRows})`);
  const chunks: ChunkPlan[] = [];
  tables.forEach((table, tableIndex) => {
    for (let rowStart = 0; rowStart < table.rows; rowStart += chunkRows) {
      chunks.push({ chunkIndex: chunks.length, tableIndex, rowStart, rowEnd: Math.min(table.rows, rowStart + chunkRows) });
    }
  });
  return chunks;
}

/** rowsPerSecond and etaSeconds from the rows done since `startedAt`. */
export function progressFigures(rowsDone: number, rowsTotal: number, startedAt: number, now: number) {
  const seconds = Math.max(0.001, (now - startedAt) / 1000);
  const rowsPerSecond = Math.round(rowsDone / seconds);
  const etaSeconds = rowsPerSecond > 0 ? Math.ceil((rowsTotal - rowsDone) / rowsPerSecond) : null;
  return { rowsDone, rowsTotal, rowsPerSecond, etaSeconds };
}
