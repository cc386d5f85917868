// What the importer writes on the first line of a definition table's description for the seeder
// to read (`postgres: <schema>.<table>` then one of these marks). No imports: the seeder and its
// worker threads read these without loading the importer.

/** A table defined outside the imported SQL (Supabase's auth.users): loaded first. */
export const EXTERNAL_MARK = ' (external: defined outside the imported SQL; its rows load first)';

/** A table whose rows a trigger makes (profiles by on_auth_user_created): tdg seed updates them. */
export const TRIGGER_MARK = (trigger: string, source: string, match: string[]) =>
  ` (trigger: its rows are made by ${trigger} on ${source}; tdg seed updates them, matched on ${match.join(', ')})`;
export const TRIGGER_MARK_PATTERN = / \(trigger: its rows are made by (\S+) on (\S+); tdg seed updates them, matched on ([^)]+)\)$/;
