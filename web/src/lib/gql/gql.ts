/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ExportPlan($id: ID!) {\n    schema(id: $id) {\n      id\n      definition\n      seed\n    }\n  }\n": typeof types.ExportPlanDocument,
    "\n  mutation StartExport($schemaId: ID!, $format: ExportFormat!, $rowCount: Int!, $tableRows: [TableRows!], $seed: String, $options: JSON) {\n    startExport(schemaId: $schemaId, format: $format, rowCount: $rowCount, tableRows: $tableRows, seed: $seed, options: $options) {\n      __typename\n      ... on ExportPayload {\n        export {\n          id\n        }\n      }\n      ... on LimitError {\n        limit\n        requested\n      }\n      ...MutationError\n    }\n  }\n": typeof types.StartExportDocument,
    "\n  mutation CancelExport($id: ID!) {\n    cancelExport(id: $id) {\n      __typename\n      ... on ExportPayload {\n        export {\n          ...ExportSummary\n        }\n      }\n      ...MutationError\n    }\n  }\n": typeof types.CancelExportDocument,
    "\n  mutation RetryExport($id: ID!) {\n    retryExport(id: $id) {\n      __typename\n      ... on ExportPayload {\n        export {\n          id\n        }\n      }\n      ...MutationError\n    }\n  }\n": typeof types.RetryExportDocument,
    "\n  fragment MutationError on Error {\n    __typename\n    message\n    ... on ValidationError {\n      problems {\n        path\n        message\n      }\n    }\n    ... on ConflictError {\n      currentVersion\n    }\n  }\n": typeof types.MutationErrorFragmentDoc,
    "\n  fragment RealismReport on ExportReport {\n    summary {\n      rules\n      checked\n      violations\n      skipped\n    }\n    tables {\n      name\n      rows\n      columns {\n        name\n        kind\n        nulls\n        nullRate\n        distinct\n        distinctExact\n        topValues {\n          value\n          count\n          share\n        }\n        min\n        max\n        histogram {\n          from\n          to\n          count\n        }\n        length {\n          min\n          max\n        }\n      }\n    }\n    rules {\n      id\n      table\n      kind\n      name\n      checked\n      violations\n      examples\n      sampled\n      skipped\n    }\n  }\n": typeof types.RealismReportFragmentDoc,
    "\n  fragment ExportSummary on Export {\n    id\n    status\n    format\n    rowCount\n    seed\n    attempt\n    createdAt\n    completedAt\n    downloadUrl\n    error\n    canManage\n    owner {\n      id\n      email\n    }\n    schema {\n      id\n      name\n    }\n    progress {\n      rowsDone\n      rowCount\n      rowsTotal\n      fraction\n    }\n  }\n": typeof types.ExportSummaryFragmentDoc,
    "\n  query Exports($first: Int!, $after: String, $status: ExportStatus, $schemaId: ID) {\n    exports(first: $first, after: $after, status: $status, schemaId: $schemaId) {\n      edges {\n        node {\n          ...ExportSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ExportsDocument,
    "\n  query ExportSchemas {\n    schemas(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ExportSchemasDocument,
    "\n  query Export($id: ID!) {\n    export(id: $id) {\n      ...ExportSummary\n      options\n      report {\n        ...RealismReport\n      }\n      events {\n        id\n        seq\n        status\n        message\n        metadata\n        createdAt\n      }\n    }\n  }\n": typeof types.ExportDocument,
    "\n  subscription MyExports {\n    myExports {\n      exportId\n      export {\n        ...ExportSummary\n      }\n    }\n  }\n": typeof types.MyExportsDocument,
    "\n  subscription ExportProgress($exportId: ID!, $afterEventId: ID) {\n    exportProgress(exportId: $exportId, afterEventId: $afterEventId) {\n      id\n      seq\n      status\n      message\n      metadata\n      createdAt\n    }\n  }\n": typeof types.ExportProgressDocument,
    "\n  query Schema($id: ID!) {\n    schema(id: $id) {\n      id\n      name\n      description\n      definition\n      seed\n      version\n      canEdit\n      myRole\n      owner {\n        id\n        email\n      }\n      members {\n        role\n        user {\n          id\n          email\n        }\n      }\n    }\n  }\n": typeof types.SchemaDocument,
    "\n  query FieldTypes($search: String) {\n    fieldTypes(search: $search) {\n      id\n      group\n      description\n      kind\n      example\n      options\n      exampleOptions\n      uniqueSupported\n    }\n  }\n": typeof types.FieldTypesDocument,
    "\n  query PreviewRows($definition: JSON!, $seed: String, $rows: Int) {\n    previewRows(definition: $definition, seed: $seed, rows: $rows) {\n      __typename\n      ... on PreviewPayload {\n        tables {\n          table\n          columns\n          rows\n        }\n        report {\n          ...RealismReport\n        }\n      }\n      ...MutationError\n    }\n  }\n": typeof types.PreviewRowsDocument,
    "\n  mutation UpdateSchema($id: ID!, $expectedVersion: Int!, $patch: SchemaPatch!) {\n    updateSchema(id: $id, expectedVersion: $expectedVersion, patch: $patch) {\n      __typename\n      ... on SchemaPayload {\n        schema {\n          id\n          name\n          version\n          updatedAt\n        }\n      }\n      ...MutationError\n    }\n  }\n": typeof types.UpdateSchemaDocument,
    "\n  mutation AddMember($schemaId: ID!, $email: String!, $role: MemberRole!) {\n    addMember(schemaId: $schemaId, email: $email, role: $role) {\n      __typename\n      ... on MemberPayload {\n        member {\n          role\n          user {\n            id\n            email\n          }\n        }\n      }\n      ...MutationError\n    }\n  }\n": typeof types.AddMemberDocument,
    "\n  mutation UpdateMemberRole($schemaId: ID!, $userId: ID!, $role: MemberRole!) {\n    updateMemberRole(schemaId: $schemaId, userId: $userId, role: $role) {\n      __typename\n      ... on MemberPayload {\n        member {\n          role\n        }\n      }\n      ...MutationError\n    }\n  }\n": typeof types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($schemaId: ID!, $userId: ID!) {\n    removeMember(schemaId: $schemaId, userId: $userId) {\n      __typename\n      ... on RemoveMemberPayload {\n        memberId\n      }\n      ...MutationError\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query Schemas($first: Int!, $after: String, $search: String, $ownership: Ownership) {\n    schemas(first: $first, after: $after, search: $search, ownership: $ownership) {\n      edges {\n        node {\n          id\n          name\n          description\n          myRole\n          updatedAt\n          owner {\n            id\n            email\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SchemasDocument,
    "\n  mutation CreateSchema($name: String!, $definition: JSON!) {\n    createSchema(name: $name, definition: $definition) {\n      __typename\n      ... on SchemaPayload {\n        schema {\n          id\n        }\n      }\n      ...MutationError\n    }\n  }\n": typeof types.CreateSchemaDocument,
    "\n  mutation DuplicateSchema($id: ID!) {\n    duplicateSchema(id: $id) {\n      __typename\n      ... on SchemaPayload {\n        schema {\n          id\n          name\n        }\n      }\n      ...MutationError\n    }\n  }\n": typeof types.DuplicateSchemaDocument,
    "\n  mutation DeleteSchema($id: ID!) {\n    deleteSchema(id: $id) {\n      __typename\n      ... on DeleteSchemaPayload {\n        deletedId\n      }\n      ...MutationError\n    }\n  }\n": typeof types.DeleteSchemaDocument,
    "\n  mutation ImportSchema($sql: String!) {\n    importSchema(sql: $sql) {\n      __typename\n      ... on ImportSchemaPayload {\n        definition\n        notes {\n          line\n          column\n          message\n        }\n        columns {\n          table\n          column\n          generator\n          options\n          reason\n          pattern\n        }\n      }\n      ...MutationError\n    }\n  }\n": typeof types.ImportSchemaDocument,
};
const documents: Documents = {
    "\n  query ExportPlan($id: ID!) {\n    schema(id: $id) {\n      id\n      definition\n      seed\n    }\n  }\n": types.ExportPlanDocument,
    "\n  mutation StartExport($schemaId: ID!, $format: ExportFormat!, $rowCount: Int!, $tableRows: [TableRows!], $seed: String, $options: JSON) {\n    startExport(schemaId: $schemaId, format: $format, rowCount: $rowCount, tableRows: $tableRows, seed: $seed, options: $options) {\n      __typename\n      ... on ExportPayload {\n        export {\n          id\n        }\n      }\n      ... on LimitError {\n        limit\n        requested\n      }\n      ...MutationError\n    }\n  }\n": types.StartExportDocument,
    "\n  mutation CancelExport($id: ID!) {\n    cancelExport(id: $id) {\n      __typename\n      ... on ExportPayload {\n        export {\n          ...ExportSummary\n        }\n      }\n      ...MutationError\n    }\n  }\n": types.CancelExportDocument,
    "\n  mutation RetryExport($id: ID!) {\n    retryExport(id: $id) {\n      __typename\n      ... on ExportPayload {\n        export {\n          id\n        }\n      }\n      ...MutationError\n    }\n  }\n": types.RetryExportDocument,
    "\n  fragment MutationError on Error {\n    __typename\n    message\n    ... on ValidationError {\n      problems {\n        path\n        message\n      }\n    }\n    ... on ConflictError {\n      currentVersion\n    }\n  }\n": types.MutationErrorFragmentDoc,
    "\n  fragment RealismReport on ExportReport {\n    summary {\n      rules\n      checked\n      violations\n      skipped\n    }\n    tables {\n      name\n      rows\n      columns {\n        name\n        kind\n        nulls\n        nullRate\n        distinct\n        distinctExact\n        topValues {\n          value\n          count\n          share\n        }\n        min\n        max\n        histogram {\n          from\n          to\n          count\n        }\n        length {\n          min\n          max\n        }\n      }\n    }\n    rules {\n      id\n      table\n      kind\n      name\n      checked\n      violations\n      examples\n      sampled\n      skipped\n    }\n  }\n": types.RealismReportFragmentDoc,
    "\n  fragment ExportSummary on Export {\n    id\n    status\n    format\n    rowCount\n    seed\n    attempt\n    createdAt\n    completedAt\n    downloadUrl\n    error\n    canManage\n    owner {\n      id\n      email\n    }\n    schema {\n      id\n      name\n    }\n    progress {\n      rowsDone\n      rowCount\n      rowsTotal\n      fraction\n    }\n  }\n": types.ExportSummaryFragmentDoc,
    "\n  query Exports($first: Int!, $after: String, $status: ExportStatus, $schemaId: ID) {\n    exports(first: $first, after: $after, status: $status, schemaId: $schemaId) {\n      edges {\n        node {\n          ...ExportSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ExportsDocument,
    "\n  query ExportSchemas {\n    schemas(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ExportSchemasDocument,
    "\n  query Export($id: ID!) {\n    export(id: $id) {\n      ...ExportSummary\n      options\n      report {\n        ...RealismReport\n      }\n      events {\n        id\n        seq\n        status\n        message\n        metadata\n        createdAt\n      }\n    }\n  }\n": types.ExportDocument,
    "\n  subscription MyExports {\n    myExports {\n      exportId\n      export {\n        ...ExportSummary\n      }\n    }\n  }\n": types.MyExportsDocument,
    "\n  subscription ExportProgress($exportId: ID!, $afterEventId: ID) {\n    exportProgress(exportId: $exportId, afterEventId: $afterEventId) {\n      id\n      seq\n      status\n      message\n      metadata\n      createdAt\n    }\n  }\n": types.ExportProgressDocument,
    "\n  query Schema($id: ID!) {\n    schema(id: $id) {\n      id\n      name\n      description\n      definition\n      seed\n      version\n      canEdit\n      myRole\n      owner {\n        id\n        email\n      }\n      members {\n        role\n        user {\n          id\n          email\n        }\n      }\n    }\n  }\n": types.SchemaDocument,
    "\n  query FieldTypes($search: String) {\n    fieldTypes(search: $search) {\n      id\n      group\n      description\n      kind\n      example\n      options\n      exampleOptions\n      uniqueSupported\n    }\n  }\n": types.FieldTypesDocument,
    "\n  query PreviewRows($definition: JSON!, $seed: String, $rows: Int) {\n    previewRows(definition: $definition, seed: $seed, rows: $rows) {\n      __typename\n      ... on PreviewPayload {\n        tables {\n          table\n          columns\n          rows\n        }\n        report {\n          ...RealismReport\n        }\n      }\n      ...MutationError\n    }\n  }\n": types.PreviewRowsDocument,
    "\n  mutation UpdateSchema($id: ID!, $expectedVersion: Int!, $patch: SchemaPatch!) {\n    updateSchema(id: $id, expectedVersion: $expectedVersion, patch: $patch) {\n      __typename\n      ... on SchemaPayload {\n        schema {\n          id\n          name\n          version\n          updatedAt\n        }\n      }\n      ...MutationError\n    }\n  }\n": types.UpdateSchemaDocument,
    "\n  mutation AddMember($schemaId: ID!, $email: String!, $role: MemberRole!) {\n    addMember(schemaId: $schemaId, email: $email, role: $role) {\n      __typename\n      ... on MemberPayload {\n        member {\n          role\n          user {\n            id\n            email\n          }\n        }\n      }\n      ...MutationError\n    }\n  }\n": types.AddMemberDocument,
    "\n  mutation UpdateMemberRole($schemaId: ID!, $userId: ID!, $role: MemberRole!) {\n    updateMemberRole(schemaId: $schemaId, userId: $userId, role: $role) {\n      __typename\n      ... on MemberPayload {\n        member {\n          role\n        }\n      }\n      ...MutationError\n    }\n  }\n": types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($schemaId: ID!, $userId: ID!) {\n    removeMember(schemaId: $schemaId, userId: $userId) {\n      __typename\n      ... on RemoveMemberPayload {\n        memberId\n      }\n      ...MutationError\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  query Schemas($first: Int!, $after: String, $search: String, $ownership: Ownership) {\n    schemas(first: $first, after: $after, search: $search, ownership: $ownership) {\n      edges {\n        node {\n          id\n          name\n          description\n          myRole\n          updatedAt\n          owner {\n            id\n            email\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SchemasDocument,
    "\n  mutation CreateSchema($name: String!, $definition: JSON!) {\n    createSchema(name: $name, definition: $definition) {\n      __typename\n      ... on SchemaPayload {\n        schema {\n          id\n        }\n      }\n      ...MutationError\n    }\n  }\n": types.CreateSchemaDocument,
    "\n  mutation DuplicateSchema($id: ID!) {\n    duplicateSchema(id: $id) {\n      __typename\n      ... on SchemaPayload {\n        schema {\n          id\n          name\n        }\n      }\n      ...MutationError\n    }\n  }\n": types.DuplicateSchemaDocument,
    "\n  mutation DeleteSchema($id: ID!) {\n    deleteSchema(id: $id) {\n      __typename\n      ... on DeleteSchemaPayload {\n        deletedId\n      }\n      ...MutationError\n    }\n  }\n": types.DeleteSchemaDocument,
    "\n  mutation ImportSchema($sql: String!) {\n    importSchema(sql: $sql) {\n      __typename\n      ... on ImportSchemaPayload {\n        definition\n        notes {\n          line\n          column\n          message\n        }\n        columns {\n          table\n          column\n          generator\n          options\n          reason\n          pattern\n        }\n      }\n      ...MutationError\n    }\n  }\n": types.ImportSchemaDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportPlan($id: ID!) {\n    schema(id: $id) {\n      id\n      definition\n      seed\n    }\n  }\n"): (typeof documents)["\n  query ExportPlan($id: ID!) {\n    schema(id: $id) {\n      id\n      definition\n      seed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartExport($schemaId: ID!, $format: ExportFormat!, $rowCount: Int!, $tableRows: [TableRows!], $seed: String, $options: JSON) {\n    startExport(schemaId: $schemaId, format: $format, rowCount: $rowCount, tableRows: $tableRows, seed: $seed, options: $options) {\n      __typename\n      ... on ExportPayload {\n        export {\n          id\n        }\n      }\n      ... on LimitError {\n        limit\n        requested\n      }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation StartExport($schemaId: ID!, $format: ExportFormat!, $rowCount: Int!, $tableRows: [TableRows!], $seed: String, $options: JSON) {\n    startExport(schemaId: $schemaId, format: $format, rowCount: $rowCount, tableRows: $tableRows, seed: $seed, options: $options) {\n      __typename\n      ... on ExportPayload {\n        export {\n          id\n        }\n      }\n      ... on LimitError {\n        limit\n        requested\n      }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelExport($id: ID!) {\n    cancelExport(id: $id) {\n      __typename\n      ... on ExportPayload {\n        export {\n          ...ExportSummary\n        }\n      }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation CancelExport($id: ID!) {\n    cancelExport(id: $id) {\n      __typename\n      ... on ExportPayload {\n        export {\n          ...ExportSummary\n        }\n      }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryExport($id: ID!) {\n    retryExport(id: $id) {\n      __typename\n      ... on ExportPayload {\n        export {\n          id\n        }\n      }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation RetryExport($id: ID!) {\n    retryExport(id: $id) {\n      __typename\n      ... on ExportPayload {\n        export {\n          id\n        }\n      }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MutationError on Error {\n    __typename\n    message\n    ... on ValidationError {\n      problems {\n        path\n        message\n      }\n    }\n    ... on ConflictError {\n      currentVersion\n    }\n  }\n"): (typeof documents)["\n  fragment MutationError on Error {\n    __typename\n    message\n    ... on ValidationError {\n      problems {\n        path\n        message\n      }\n    }\n    ... on ConflictError {\n      currentVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RealismReport on ExportReport {\n    summary {\n      rules\n      checked\n      violations\n      skipped\n    }\n    tables {\n      name\n      rows\n      columns {\n        name\n        kind\n        nulls\n        nullRate\n        distinct\n        distinctExact\n        topValues {\n          value\n          count\n          share\n        }\n        min\n        max\n        histogram {\n          from\n          to\n          count\n        }\n        length {\n          min\n          max\n        }\n      }\n    }\n    rules {\n      id\n      table\n      kind\n      name\n      checked\n      violations\n      examples\n      sampled\n      skipped\n    }\n  }\n"): (typeof documents)["\n  fragment RealismReport on ExportReport {\n    summary {\n      rules\n      checked\n      violations\n      skipped\n    }\n    tables {\n      name\n      rows\n      columns {\n        name\n        kind\n        nulls\n        nullRate\n        distinct\n        distinctExact\n        topValues {\n          value\n          count\n          share\n        }\n        min\n        max\n        histogram {\n          from\n          to\n          count\n        }\n        length {\n          min\n          max\n        }\n      }\n    }\n    rules {\n      id\n      table\n      kind\n      name\n      checked\n      violations\n      examples\n      sampled\n      skipped\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExportSummary on Export {\n    id\n    status\n    format\n    rowCount\n    seed\n    attempt\n    createdAt\n    completedAt\n    downloadUrl\n    error\n    canManage\n    owner {\n      id\n      email\n    }\n    schema {\n      id\n      name\n    }\n    progress {\n      rowsDone\n      rowCount\n      rowsTotal\n      fraction\n    }\n  }\n"): (typeof documents)["\n  fragment ExportSummary on Export {\n    id\n    status\n    format\n    rowCount\n    seed\n    attempt\n    createdAt\n    completedAt\n    downloadUrl\n    error\n    canManage\n    owner {\n      id\n      email\n    }\n    schema {\n      id\n      name\n    }\n    progress {\n      rowsDone\n      rowCount\n      rowsTotal\n      fraction\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Exports($first: Int!, $after: String, $status: ExportStatus, $schemaId: ID) {\n    exports(first: $first, after: $after, status: $status, schemaId: $schemaId) {\n      edges {\n        node {\n          ...ExportSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Exports($first: Int!, $after: String, $status: ExportStatus, $schemaId: ID) {\n    exports(first: $first, after: $after, status: $status, schemaId: $schemaId) {\n      edges {\n        node {\n          ...ExportSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportSchemas {\n    schemas(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExportSchemas {\n    schemas(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Export($id: ID!) {\n    export(id: $id) {\n      ...ExportSummary\n      options\n      report {\n        ...RealismReport\n      }\n      events {\n        id\n        seq\n        status\n        message\n        metadata\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Export($id: ID!) {\n    export(id: $id) {\n      ...ExportSummary\n      options\n      report {\n        ...RealismReport\n      }\n      events {\n        id\n        seq\n        status\n        message\n        metadata\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyExports {\n    myExports {\n      exportId\n      export {\n        ...ExportSummary\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MyExports {\n    myExports {\n      exportId\n      export {\n        ...ExportSummary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ExportProgress($exportId: ID!, $afterEventId: ID) {\n    exportProgress(exportId: $exportId, afterEventId: $afterEventId) {\n      id\n      seq\n      status\n      message\n      metadata\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  subscription ExportProgress($exportId: ID!, $afterEventId: ID) {\n    exportProgress(exportId: $exportId, afterEventId: $afterEventId) {\n      id\n      seq\n      status\n      message\n      metadata\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Schema($id: ID!) {\n    schema(id: $id) {\n      id\n      name\n      description\n      definition\n      seed\n      version\n      canEdit\n      myRole\n      owner {\n        id\n        email\n      }\n      members {\n        role\n        user {\n          id\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Schema($id: ID!) {\n    schema(id: $id) {\n      id\n      name\n      description\n      definition\n      seed\n      version\n      canEdit\n      myRole\n      owner {\n        id\n        email\n      }\n      members {\n        role\n        user {\n          id\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FieldTypes($search: String) {\n    fieldTypes(search: $search) {\n      id\n      group\n      description\n      kind\n      example\n      options\n      exampleOptions\n      uniqueSupported\n    }\n  }\n"): (typeof documents)["\n  query FieldTypes($search: String) {\n    fieldTypes(search: $search) {\n      id\n      group\n      description\n      kind\n      example\n      options\n      exampleOptions\n      uniqueSupported\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewRows($definition: JSON!, $seed: String, $rows: Int) {\n    previewRows(definition: $definition, seed: $seed, rows: $rows) {\n      __typename\n      ... on PreviewPayload {\n        tables {\n          table\n          columns\n          rows\n        }\n        report {\n          ...RealismReport\n        }\n      }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  query PreviewRows($definition: JSON!, $seed: String, $rows: Int) {\n    previewRows(definition: $definition, seed: $seed, rows: $rows) {\n      __typename\n      ... on PreviewPayload {\n        tables {\n          table\n          columns\n          rows\n        }\n        report {\n          ...RealismReport\n        }\n      }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSchema($id: ID!, $expectedVersion: Int!, $patch: SchemaPatch!) {\n    updateSchema(id: $id, expectedVersion: $expectedVersion, patch: $patch) {\n      __typename\n      ... on SchemaPayload {\n        schema {\n          id\n          name\n          version\n          updatedAt\n        }\n      }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSchema($id: ID!, $expectedVersion: Int!, $patch: SchemaPatch!) {\n    updateSchema(id: $id, expectedVersion: $expectedVersion, patch: $patch) {\n      __typename\n      ... on SchemaPayload {\n        schema {\n          id\n          name\n          version\n          updatedAt\n        }\n      }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMember($schemaId: ID!, $email: String!, $role: MemberRole!) {\n    addMember(schemaId: $schemaId, email: $email, role: $role) {\n      __typename\n      ... on MemberPayload {\n        member {\n          role\n          user {\n            id\n            email\n          }\n        }\n      }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation AddMember($schemaId: ID!, $email: String!, $role: MemberRole!) {\n    addMember(schemaId: $schemaId, email: $email, role: $role) {\n      __typename\n      ... on MemberPayload {\n        member {\n          role\n          user {\n            id\n            email\n          }\n        }\n      }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMemberRole($schemaId: ID!, $userId: ID!, $role: MemberRole!) {\n    updateMemberRole(schemaId: $schemaId, userId: $userId, role: $role) {\n      __typename\n      ... on MemberPayload {\n        member {\n          role\n        }\n      }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMemberRole($schemaId: ID!, $userId: ID!, $role: MemberRole!) {\n    updateMemberRole(schemaId: $schemaId, userId: $userId, role: $role) {\n      __typename\n      ... on MemberPayload {\n        member {\n          role\n        }\n      }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($schemaId: ID!, $userId: ID!) {\n    removeMember(schemaId: $schemaId, userId: $userId) {\n      __typename\n      ... on RemoveMemberPayload {\n        memberId\n      }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($schemaId: ID!, $userId: ID!) {\n    removeMember(schemaId: $schemaId, userId: $userId) {\n      __typename\n      ... on RemoveMemberPayload {\n        memberId\n      }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Schemas($first: Int!, $after: String, $search: String, $ownership: Ownership) {\n    schemas(first: $first, after: $after, search: $search, ownership: $ownership) {\n      edges {\n        node {\n          id\n          name\n          description\n          myRole\n          updatedAt\n          owner {\n            id\n            email\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Schemas($first: Int!, $after: String, $search: String, $ownership: Ownership) {\n    schemas(first: $first, after: $after, search: $search, ownership: $ownership) {\n      edges {\n        node {\n          id\n          name\n          description\n          myRole\n          updatedAt\n          owner {\n            id\n            email\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSchema($name: String!, $definition: JSON!) {\n    createSchema(name: $name, definition: $definition) {\n      __typename\n      ... on SchemaPayload {\n        schema {\n          id\n        }\n      }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSchema($name: String!, $definition: JSON!) {\n    createSchema(name: $name, definition: $definition) {\n      __typename\n      ... on SchemaPayload {\n        schema {\n          id\n        }\n      }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DuplicateSchema($id: ID!) {\n    duplicateSchema(id: $id) {\n      __typename\n      ... on SchemaPayload {\n        schema {\n          id\n          name\n        }\n      }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation DuplicateSchema($id: ID!) {\n    duplicateSchema(id: $id) {\n      __typename\n      ... on SchemaPayload {\n        schema {\n          id\n          name\n        }\n      }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSchema($id: ID!) {\n    deleteSchema(id: $id) {\n      __typename\n      ... on DeleteSchemaPayload {\n        deletedId\n      }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteSchema($id: ID!) {\n    deleteSchema(id: $id) {\n      __typename\n      ... on DeleteSchemaPayload {\n        deletedId\n      }\n      ...MutationError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportSchema($sql: String!) {\n    importSchema(sql: $sql) {\n      __typename\n      ... on ImportSchemaPayload {\n        definition\n        notes {\n          line\n          column\n          message\n        }\n        columns {\n          table\n          column\n          generator\n          options\n          reason\n          pattern\n        }\n      }\n      ...MutationError\n    }\n  }\n"): (typeof documents)["\n  mutation ImportSchema($sql: String!) {\n    importSchema(sql: $sql) {\n      __typename\n      ... on ImportSchemaPayload {\n        definition\n        notes {\n          line\n          column\n          message\n        }\n        columns {\n          table\n          column\n          generator\n          options\n          reason\n          pattern\n        }\n      }\n      ...MutationError\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;