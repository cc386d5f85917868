// The field type catalog as the builder uses it.
import type { FieldTypesQuery } from '$lib/gql/graphql';

export type FieldType = NonNullable<FieldTypesQuery['fieldTypes']>[number];

export type Catalog = Map<string, FieldType>;

export function exampleText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Options a field gets when its type changes: the type's example options when it needs some. */
export function optionsForNewType(type: FieldType | undefined): Record<string, unknown> | undefined {
  const schema = type?.options as { required?: string[] } | undefined;
  if (!schema?.required?.length) return undefined;
  return JSON.parse(JSON.stringify(type?.exampleOptions ?? {})) as Record<string, unknown>;
}
