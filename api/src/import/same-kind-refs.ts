// A row that relates one thing to another of the same kind — a version's dependency on a package,
// a task blocked by a task, an article replaced by an article — never relates it to itself. When
// the "other" ref names its relation (depends_on_package_id) and the row reaches the same table
// through another ref (version_id.package_id), the other ref avoids that row (engine differentFrom).

/** Ref names of a relation to another row of the same kind: `<relation>_<target>(_id)`. */
const RELATION =
  /^(depends_on|dependency|dependent|requires|required|prerequisite|blocks|blocking|blocked_by|duplicate_of|duplicates|related|related_to|linked|linked_to|replaces|replaced_by|supersedes|superseded_by|conflicts_with|extends|imports|uses|upstream|downstream|successor|predecessor|next|previous|other|peer)_(.+?)(_id)?$/;

export interface RefInfo {
  /** The ref's column. */
  name: string;
  /** The table it points at. */
  target: string;
  /** Not null, so a path through it always reaches a row. */
  notNull: boolean;
}

/**
 * For a table's refs (and its parents' refs, by table name): the refs that relate the row to
 * another row of a kind the row already reaches, with the path to the row to avoid
 * (`depends_on_package_id` avoids `version_id.package_id`).
 */
export function sameKindAvoidance(refs: RefInfo[], refsOf: (table: string) => RefInfo[]): { ref: string; avoid: string }[] {
  const out: { ref: string; avoid: string }[] = [];
  for (const ref of refs) {
    const named = RELATION.exec(ref.name.toLowerCase());
    if (!named || !namesTable(named[2]!, ref.target)) continue;
    const paths: string[] = [];
    for (const via of refs) {
      if (via === ref || !via.notNull || via.target === ref.target) continue;
      for (const up of refsOf(via.target)) if (up.target === ref.target && up.notNull && up.target !== via.target) paths.push(`${via.name}.${up.name}`);
    }
    // one row reached one way only: two ways would leave it unclear which one is "its own"
    if (paths.length === 1) out.push({ ref: ref.name, avoid: paths[0]! });
  }
  return out;
}

/** Whether a column's noun names a table (package → packages, category → categories). */
function namesTable(noun: string, table: string): boolean {
  const t = table.toLowerCase();
  return t === noun || t === `${noun}s` || t === `${noun}es` || (noun.endsWith('y') && t === `${noun.slice(0, -1)}ies`);
}
