import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from '../../src/graphql/print-schema.js';

describe('api/schema.graphql', () => {
  it('is what Pothos prints (run `pnpm --filter @tdg/api print-schema` after changing the schema)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '(missing)');
    expect(committed).toBe(printedSchema());
  });

  it('keeps the operation names of the contract', () => {
    const printed = printedSchema();
    for (const field of ['viewer', 'fieldTypes', 'schemas', 'schema', 'exports', 'export', 'previewRows'])
      expect(printed).toMatch(new RegExp(`^  ${field}[(:]`, 'm'));
    for (const field of [
      'createSchema',
      'updateSchema',
      'deleteSchema',
      'duplicateSchema',
      'setSchemaShared',
      'addMember',
      'updateMemberRole',
      'removeMember',
      'startExport',
      'cancelExport',
      'retryExport',
      'deleteExport',
    ]) {
      expect(printed).toMatch(new RegExp(`^  ${field}\\(`, 'm'));
    }
    for (const field of ['exportProgress', 'myExports']) expect(printed).toMatch(new RegExp(`^  ${field}[(:]`, 'm'));
    expect(printed).toContain('enum ExportFormat {\n  CSV\n  JSON\n  NDJSON\n  SQL\n  XLSX\n}');
    expect(printed).toContain('union UpdateSchemaResult = ConflictError | ForbiddenError | NotFoundError | SchemaPayload | ValidationError');
  });
});
