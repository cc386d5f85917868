// The preview work of a whole operation, counted before any of it runs: every previewRows field
// in it (aliases and fragments included) at its arguments' cost, so ten aliased previews of wide
// tables cost ten times one and a request over the budget does no work at all.
import { Kind, valueFromASTUntyped, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Limits } from '../config.js';
import { DefinitionError, parseDefinition } from '../engine/index.js';
import { previewCost } from '../engine/output-bounds.js';

// per execution (its coerced variables are a fresh object each time), so cached documents are recounted
const totals = new WeakMap<object, number>();

function previewFields(selections: SelectionSetNode, info: GraphQLResolveInfo, out: FieldNode[], seen = new Set<string>()): FieldNode[] {
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === info.fieldName) out.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      previewFields(selection.selectionSet, info, out, seen);
    } else if (!seen.has(selection.name.value) && info.fragments[selection.name.value]) {
      seen.add(selection.name.value);
      previewFields(info.fragments[selection.name.value].selectionSet, info, out, seen);
    }
  }
  return out;
}

// an argument's value from the AST (literal or variable); untyped, so no graphql type objects are
// compared across module copies
function argument(node: FieldNode, name: string, info: GraphQLResolveInfo): unknown {
  const value = node.arguments?.find((a) => a.name.value === name)?.value;
  return value ? valueFromASTUntyped(value, info.variableValues) : undefined;
}

/** Upper bound of the JSON text of every preview the operation asks for. */
export function operationPreviewChars(info: GraphQLResolveInfo, limits: Pick<Limits, 'maxPreviewRows'>): number {
  const key = info.variableValues;
  const known = totals.get(key);
  if (known !== undefined) return known;
  let total = 0;
  for (const node of previewFields(info.operation.selectionSet, info, [])) {
    try {
      const rows = Number(argument(node, 'rows', info) ?? 10);
      if (!(Number.isInteger(rows) && rows >= 1 && rows <= limits.maxPreviewRows)) continue; // refused on its own
      total += previewCost(parseDefinition(argument(node, 'definition', info)), rows).chars;
    } catch (error) {
      // a preview whose definition is refused does no work (it answers ValidationError itself)
      if (!(error instanceof DefinitionError)) throw error;
    }
  }
  totals.set(key, total);
  return total;
}
