import { catalog, searchCatalog, type FieldTypeInfo } from '../../engine/index.js';
import { builder } from '../builder.js';

const FieldTypeRef = builder.objectRef<FieldTypeInfo>('FieldType').implement({
  description: 'A kind of generated value (email, integer, ref...) with the options it takes.',
  fields: (t) => ({
    id: t.exposeID('id'),
    group: t.exposeString('group'),
    description: t.exposeString('description'),
    kind: t.string({ description: 'The column kind it produces (text, integer, uuid...).', resolve: (type) => String(type.kind) }),
    options: t.field({ type: 'JSON', description: 'JSON Schema of the options.', resolve: (type) => type.options }),
    elementKind: t.string({ nullable: true, description: 'For array types: the kind of the elements.', resolve: (type) => type.elementKind ?? null }),
    example: t.field({ type: 'JSON', nullable: true, resolve: (type) => type.example ?? null }),
    exampleOptions: t.field({ type: 'JSON', description: 'Options that make a valid field of this type.', resolve: (type) => type.exampleOptions }),
    uniqueSupported: t.exposeBoolean('uniqueSupported'),
  }),
});

builder.queryField('fieldTypes', (t) =>
  t.field({
    type: [FieldTypeRef],
    args: { search: t.arg.string() },
    resolve: (_root, { search }) => (search?.trim() ? searchCatalog(search.trim()) : catalog),
  }),
);
