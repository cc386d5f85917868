// COMMENT ON COLUMN ... 'e.g. repo.create, repo.archive, member.add': the values a developer gave as
// examples are the best guess at the column's values (a list: those; one code: its shape).

const LEAD = /(?:\be\.?g\.?|\bfor example|\bsuch as|\bexamples?)\s*[:,]?\s+/i;
// a value as written in a list: one token (repo.create, SHP-000123, 'in_transit'), no spaces
const TOKEN = /^[\w.:/@+#-]{1,40}$/;

/** The example values a comment lists after "e.g." / "for example" / "such as", or undefined. */
export function commentExamples(comment: string | undefined): string[] | undefined {
  const lead = comment && LEAD.exec(comment);
  if (!lead) return undefined;
  // up to the end of the sentence or of the parenthesis
  const rest = comment.slice(lead.index + lead[0].length).split(/[);]|\.(?:\s|$)/)[0]!;
  const values = rest
    .split(/\s*,\s*|\s+or\s+|\s+and\s+/)
    .map((v) => v.trim().replace(/^['"`](.*)['"`]$/, '$1'))
    .filter((v) => v !== '' && v !== 'etc');
  if (values.length === 0 || !values.every((v) => TOKEN.test(v))) return undefined;
  return [...new Set(values)];
}

/**
 * The shape of one example code as a regex: letters kept as written, digit runs as digits of that
 * length (SHP-000123 → SHP-[0-9]{6}), or undefined when the example is not a code of that kind.
 */
export function exampleShape(example: string): string | undefined {
  if (!/^[A-Z]{1,6}[-_/]?[0-9]{3,}$|^[A-Z]{1,6}[-_/][0-9]{2,}[-_/][0-9]{3,}$/.test(example)) return undefined;
  return example.replace(/[0-9]+/g, (digits) => `[0-9]{${digits.length}}`);
}
