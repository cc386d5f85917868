// The field type catalog as the builder uses it (grouped, searched and shown by $lib/type-catalogue).
import type { FieldTypesQuery } from '$lib/gql/graphql';

export type FieldType = NonNullable<FieldTypesQuery['fieldTypes']>[number];

export type Catalog = Map<string, FieldType>;

/** Options a field gets when its type changes: the type's example options when it needs some. */
export function optionsForNewType(type: FieldType | undefined): Record<string, unknown> | undefined {
  const schema = type?.options as { required?: string[] } | undefined;
  if (!schema?.required?.length) return undefined;
  return JSON.parse(JSON.stringify(type?.exampleOptions ?? {})) as Record<string, unknown>;
}
