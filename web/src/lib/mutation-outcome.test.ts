import { buildSchema, isInterfaceType, isUnionType, Kind, type FragmentDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
// the committed API contract that codegen types the documents from
import schemaSource from '../../../api/schema.graphql?raw';
import { mutationOutcome, MutationErrorFragmentDocument } from './mutation-outcome';

const schema = buildSchema(schemaSource);
const errorInterface = schema.getType('Error');
if (!isInterfaceType(errorInterface)) throw new Error('schema.graphql has no Error interface');
const errorTypenames = schema.getPossibleTypes(errorInterface).map((type) => type.name);
const isError = (typename: string) => errorTypenames.includes(typename);
// every union a mutation (or the preview) returns: payloads and the errors beside them
const resultUnions = Object.values(schema.getTypeMap()).filter(isUnionType);

type Result = { data?: { field: unknown } | null; error?: { message: string } };

/** An Error member as the MutationError fragment selects it. */
function errorPayload(typename: string, message: string) {
  return { __typename: typename, message, problems: [{ path: 'rowCount', message: 'must be ≥ 1' }], currentVersion: 3 };
}

describe('mutationOutcome', () => {
  it('finds the Error types and the result unions in the schema', () => {
    expect(errorTypenames.length).toBeGreaterThanOrEqual(5);
    expect(resultUnions.length).toBeGreaterThanOrEqual(10);
  });

  it('turns every Error member of every result union into an error outcome with its message', () => {
    for (const union of resultUnions) {
      for (const member of union.getTypes().filter((type) => isError(type.name))) {
        const message = `${union.name}: ${member.name} says no`;
        const payload = errorPayload(member.name, message);
        const outcome = mutationOutcome({ data: { field: payload } }, 'field', 'fallback');
        expect(outcome, `${union.name} / ${member.name}`).toEqual({ ok: false, message, error: payload });
      }
    }
  });

  it('turns every other member of every result union into ok with the payload', () => {
    for (const union of resultUnions) {
      for (const member of union.getTypes().filter((type) => !isError(type.name))) {
        const payload = { __typename: member.name, export: { id: 'e1' } };
        expect(mutationOutcome({ data: { field: payload } }, 'field', 'fallback'), member.name).toEqual({ ok: true, payload });
      }
    }
  });

  it("prefers the request's own error to the payload's message, and falls back when there is neither", () => {
    const payload = errorPayload('NotFoundError', 'no such export');
    expect(mutationOutcome({ data: { field: payload }, error: { message: '[Network] offline' } }, 'field', 'fallback')).toEqual({
      ok: false,
      message: '[Network] offline',
      error: payload,
    });
    expect(mutationOutcome({ data: null, error: { message: '[GraphQL] masked' } } as Result, 'field', 'fallback')).toEqual({
      ok: false,
      message: '[GraphQL] masked',
      error: null,
    });
    expect(mutationOutcome({ data: { field: null } }, 'field', 'Could not cancel.')).toEqual({ ok: false, message: 'Could not cancel.', error: null });
    expect(mutationOutcome({} as Result, 'field', 'Could not retry.')).toEqual({ ok: false, message: 'Could not retry.', error: null });
  });

  it('keeps a successful payload even when part of the response carried an error', () => {
    const payload = { __typename: 'ExportPayload', export: { id: 'e1', schema: null } };
    expect(mutationOutcome({ data: { field: payload }, error: { message: '[GraphQL] schema: denied' } }, 'field', 'x')).toEqual({ ok: true, payload });
  });

  it('is fed by a fragment on the Error interface that selects the message and the typename', () => {
    const fragment = MutationErrorFragmentDocument.definitions.find((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
    expect(fragment?.typeCondition.name.value).toBe('Error');
    const fields = fragment?.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
    expect(fields).toEqual(expect.arrayContaining(['__typename', 'message']));
  });
});
