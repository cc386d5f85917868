// Expected failures of an import are data: each problem names its place in the SQL.

export interface SourcePlace {
  /** 1-based line in the imported SQL (or in the DDL rebuilt from a catalog). */
  line: number;
  /** 1-based column. */
  column: number;
}

/** Something the importer skipped or guessed; the definition is still complete. */
export interface ImportNote extends SourcePlace {
  message: string;
}

export interface ImportProblem extends SourcePlace {
  message: string;
}

export class ImportError extends Error {
  override name = 'ImportError';
  readonly problems: ImportProblem[];
  readonly line: number;
  readonly column: number;

  constructor(problems: ImportProblem[]) {
    const first = problems[0] ?? { line: 0, column: 0, message: 'import failed' };
    super(problems.map((p) => `line ${p.line}, column ${p.column}: ${p.message}`).join('; '));
    this.problems = problems;
    this.line = first.line;
    this.column = first.column;
  }
}

/** Maps offsets in the source to line/column. Postgres reports node locations in UTF-8 bytes. */
export class SourceMap {
  private readonly lineStarts: number[] = [0];
  private readonly bytes: Buffer;

  constructor(private readonly text: string) {
    this.bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  fromChar(offset: number): SourcePlace {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo]! + 1 };
  }

  fromByte(offset: number | undefined): SourcePlace {
    if (offset === undefined || offset < 0) return { line: 1, column: 1 };
    const chars = this.bytes.subarray(0, offset).toString('utf8').length;
    return this.fromChar(chars);
  }

  /** Skips the whitespace and comments that Postgres counts as part of a statement. */
  statementStart(byteOffset: number | undefined): SourcePlace {
    const start = this.bytes.subarray(0, byteOffset ?? 0).toString('utf8').length;
    let i = start;
    for (;;) {
      while (i < this.text.length && /\s/.test(this.text[i]!)) i++;
      if (this.text.startsWith('--', i)) {
        const nl = this.text.indexOf('\n', i);
        i = nl < 0 ? this.text.length : nl + 1;
      } else if (this.text.startsWith('/*', i)) {
        const end = this.text.indexOf('*/', i);
        i = end < 0 ? this.text.length : end + 2;
      } else break;
    }
    return this.fromChar(i);
  }
}
