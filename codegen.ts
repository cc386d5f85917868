import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the web client, from the committed schema (not a running server).
const config: CodegenConfig = {
  schema: 'api/schema.graphql',
  documents: ['web/src/**/*.{svelte,ts}', '!web/src/lib/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'web/src/lib/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown', ID: 'string' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
