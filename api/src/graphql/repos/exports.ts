// The export record as GraphQL reads and writes it: the store's queries (exports/store.ts), with
// the API's keyset pages for the `exports` connection.
import type { ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import type { Tx } from '../../db/port.js';
import { listExports as exportsPage, type ExportFilter } from '../../exports/store.js';
import { CURSOR_COLUMN, keysetPage } from './keyset.js';

export { TERMINAL_STATUSES, type ExportFormatName, type ExportRecord, type ExportStatus } from '../../exports/model.js';
export {
  cancelExport,
  countActiveExports,
  deleteExport,
  exportsByIds,
  exportsOfSchemas,
  findExport,
  insertExport,
  type ExportFilter,
  type NewExport,
} from '../../exports/store.js';

/** One page of the exports the caller sees, each with its cursor. */
export function listExports(tx: Tx, filter: ExportFilter, page: ResolveCursorConnectionArgs) {
  return exportsPage(tx, filter, { cursorColumn: CURSOR_COLUMN, page: (alias, params) => keysetPage(alias, page, params) });
}
