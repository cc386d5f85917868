// The schema definition as the builder edits it (the plain JSON the API validates and stores),
// and small pure helpers over it.

export interface FieldDefinition {
  name: string;
  type: string;
  options?: Record<string, unknown>;
  /** 0..1; the builder shows it as a percentage. */
  nullRate?: number;
  unique?: boolean;
  description?: string;
}

export interface TableDefinition {
  name: string;
  rows?: number;
  fields: FieldDefinition[];
  description?: string;
  [other: string]: unknown;
}

export interface Definition {
  version: 1;
  locale?: string;
  seed?: string | number;
  /** The instant relative dates count back from (ISO); the API sets it when the schema is created or imported. */
  referenceDate?: string;
  tables: TableDefinition[];
  [other: string]: unknown;
}

export interface Problem {
  path: string;
  message: string;
}

export interface Relationship {
  child: string;
  field: string;
  parent: string;
  parentField: string;
  childrenPerParent: { min: number; max: number } | null;
}

export const DEFAULT_ROWS = 100;

export function starterDefinition(): Definition {
  return {
    version: 1,
    locale: 'en',
    tables: [
      {
        name: 'users',
        rows: DEFAULT_ROWS,
        fields: [
          { name: 'id', type: 'string.uuid', unique: true },
          { name: 'email', type: 'internet.email', unique: true },
        ],
      },
    ],
  };
}

/** The reference date as typed in the builder: trimmed, or removed when blank (the engine then uses its default). */
export function setReferenceDate(definition: Definition, text: string): void {
  const value = text.trim();
  if (value) definition.referenceDate = value;
  else delete definition.referenceDate;
}

/** `base`, else `base_2`, `base_3`... — the first name not in `taken`. */
export function freeName(base: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base}_${i}`)) return `${base}_${i}`;
}

export function newTable(definition: Definition): TableDefinition {
  return {
    name: freeName(
      'table',
      definition.tables.map((t) => t.name),
    ),
    rows: DEFAULT_ROWS,
    fields: [{ name: 'id', type: 'string.uuid', unique: true }],
  };
}

export function newField(table: TableDefinition): FieldDefinition {
  return {
    name: freeName(
      'field',
      table.fields.map((f) => f.name),
    ),
    type: 'person.firstName',
  };
}

/** Every `ref` field, read as "child.field → parent.parentField". */
export function relationships(definition: Definition): Relationship[] {
  return definition.tables.flatMap((table) =>
    table.fields
      .filter((field) => field.type === 'ref')
      .map((field) => {
        const options = field.options ?? {};
        const children = options.childrenPerParent as { min?: unknown; max?: unknown } | undefined;
        return {
          child: table.name,
          field: field.name,
          parent: String(options.table ?? '?'),
          parentField: String(options.field ?? '?'),
          childrenPerParent: children && typeof children.min === 'number' && typeof children.max === 'number' ? { min: children.min, max: children.max } : null,
        };
      }),
  );
}

/** Problems at `path` or inside it (`tables[0]` holds `tables[0].fields[1].name`). */
export function problemsAt(problems: readonly Problem[], path: string, exact = false): Problem[] {
  return problems.filter((p) => p.path === path || (!exact && (p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`))));
}

/** Problems that no field, table or option shows: for the summary at the top. */
export function generalProblems(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => !/^(definition\.)?tables\[\d+\]/.test(p.path));
}

/** Strips a `definition.` prefix (mutations name the argument, previews do not). */
export function normaliseProblems(problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: p.path.replace(/^(patch\.)?definition\.?/, '') }));
}
