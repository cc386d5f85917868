import type { Tx } from '../db/port.js';
import { ForbiddenError, NotFoundError } from './errors.js';
import { findSchema, type SchemaRecord } from './repos/schemas.js';

/**
 * Checks the caller's right to a schema before (or after) a write RLS filtered out. A schema the
 * caller cannot see is NotFoundError, exactly as an unknown id, so strangers learn nothing.
 */
export async function requireSchemaRole(tx: Tx, userId: string, schemaId: string, needs: 'OWNER' | 'EDITOR' | 'VIEWER', action: string): Promise<SchemaRecord> {
  const schema = await findSchema(tx, userId, schemaId);
  if (!schema) throw new NotFoundError('schema', schemaId);
  const allowed = needs === 'VIEWER' || schema.myRole === 'OWNER' || (needs === 'EDITOR' && schema.myRole === 'EDITOR');
  if (!allowed) throw new ForbiddenError(`only the owner${needs === 'EDITOR' ? ' or an editor' : ''} may ${action} this schema`);
  return schema;
}
