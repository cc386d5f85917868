/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 timestamp in UTC. */
  DateTime: { input: string; output: string; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
};

export type AddMemberResult = ConflictError | ForbiddenError | MemberPayload | NotFoundError | ValidationError;

export type ApplyAssistChangeResult = AssistChangePayload | ConflictError | ForbiddenError | NotFoundError | ValidationError;

/** A change the assistant proposed; nothing is applied until a user accepts it (applyAssistChange). */
export type AssistChange = {
  __typename?: 'AssistChange';
  /** The answer as validated: column descriptions and pools, rules with their reasons. */
  answer: Scalars['JSON']['output'];
  baseVersion: Scalars['Int']['output'];
  conversationId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The whole definition the change makes of the schema at baseVersion. */
  definition: Scalars['JSON']['output'];
  explanation: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  schemaId: Scalars['ID']['output'];
  status: AssistChangeStatus;
  task: AssistTask;
};

export type AssistChangePayload = {
  __typename?: 'AssistChangePayload';
  change: AssistChange;
  schema: Schema;
};

export type AssistChangeStatus =
  | 'APPLIED'
  | 'PROPOSED'
  | 'REJECTED';

export type AssistConversation = {
  __typename?: 'AssistConversation';
  changes: Array<AssistChange>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  messages: Array<AssistMessage>;
  schemaId: Scalars['ID']['output'];
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type AssistErrorCode =
  | 'AUTH'
  | 'BAD_INPUT'
  | 'INVALID_OUTPUT'
  | 'LIMIT'
  | 'MALFORMED'
  | 'OFF'
  | 'PROVIDER'
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'TOO_LONG';

/** Text as it is written, then one last event with the proposed change or the error. */
export type AssistEvent = {
  __typename?: 'AssistEvent';
  change?: Maybe<AssistChange>;
  conversationId?: Maybe<Scalars['ID']['output']>;
  error?: Maybe<AssistProblem>;
  /** The answer was refused; asked once more with these. */
  retry?: Maybe<Array<Problem>>;
  /** More of the explanation. */
  text?: Maybe<Scalars['String']['output']>;
};

export type AssistMessage = {
  __typename?: 'AssistMessage';
  content: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  inputTokens: Scalars['Int']['output'];
  outputTokens: Scalars['Int']['output'];
  /** The prompt files that asked, e.g. rules@1+definition@1. */
  promptVersion?: Maybe<Scalars['String']['output']>;
  /** user or assistant */
  role: Scalars['String']['output'];
  task: AssistTask;
};

/** Why an answer failed (the provider, a timeout, an answer refused twice, a limit). */
export type AssistProblem = {
  __typename?: 'AssistProblem';
  code: AssistErrorCode;
  message: Scalars['String']['output'];
  /** Where the refused answer was wrong. */
  problems: Array<Problem>;
  retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
};

/** Whether the schema assistant answers you, and through which model (never the key). */
export type AssistStatus = {
  __typename?: 'AssistStatus';
  /** The server can keep a key of yours (TDG_ASSIST_SECRET is set). */
  canStoreKey: Scalars['Boolean']['output'];
  enabled: Scalars['Boolean']['output'];
  model?: Maybe<Scalars['String']['output']>;
  /** Your own stored key is used rather than the server one. */
  ownKey: Scalars['Boolean']['output'];
  /** openai (chat-completions) or anthropic (messages) */
  protocol?: Maybe<Scalars['String']['output']>;
};

export type AssistTask =
  /** Descriptions of every column, and value pools (≤ 50 examples) for text columns no catalogue type fits */
  | 'COLUMNS'
  /** A whole definition from a description of the data */
  | 'DESCRIBE'
  /** Realism rules with the engine's primitives (profiles, inequalities, scoped refs), a reason each */
  | 'RULES';

export type CancelExportResult = ConflictError | ExportPayload | ForbiddenError | LimitError | NotFoundError | ValidationError;

/** Someone changed the thing first (stale expectedVersion), or it already exists. */
export type ConflictError = Error & {
  __typename?: 'ConflictError';
  currentVersion?: Maybe<Scalars['Int']['output']>;
  message: Scalars['String']['output'];
};

export type CreateSchemaResult = ConflictError | ForbiddenError | NotFoundError | SchemaPayload | ValidationError;

export type DeleteExportPayload = {
  __typename?: 'DeleteExportPayload';
  deletedId: Scalars['ID']['output'];
};

export type DeleteExportResult = ConflictError | DeleteExportPayload | ForbiddenError | LimitError | NotFoundError | ValidationError;

export type DeleteSchemaPayload = {
  __typename?: 'DeleteSchemaPayload';
  deletedId: Scalars['ID']['output'];
};

export type DeleteSchemaResult = ConflictError | DeleteSchemaPayload | ForbiddenError | NotFoundError | ValidationError;

export type DuplicateSchemaResult = ConflictError | ForbiddenError | NotFoundError | SchemaPayload | ValidationError;

/** An expected failure, returned as data in a mutation result union. */
export type Error = {
  message: Scalars['String']['output'];
};

/** One run of generating rows into a file. */
export type Export = {
  __typename?: 'Export';
  /** How many times a worker has picked this export up. */
  attempt: Scalars['Int']['output'];
  /** You started this export: you may cancel, retry and delete it and follow its event log. Others who see it (docs/access.md) only read it. */
  canManage: Scalars['Boolean']['output'];
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** A link to the file for you (valid for an hour, never past expiresAt, and only while you may read this export); null until the export succeeded. */
  downloadUrl?: Maybe<Scalars['String']['output']>;
  error?: Maybe<Scalars['JSON']['output']>;
  events: Array<ExportEvent>;
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  format: ExportFormat;
  id: Scalars['ID']['output'];
  options: Scalars['JSON']['output'];
  owner: User;
  progress: ExportProgress;
  /** Per table its rows, per column its statistics, per rule of the definition its checks; null until the export succeeded. */
  report?: Maybe<ExportReport>;
  rowCount: Scalars['Float']['output'];
  schema?: Maybe<Schema>;
  seed: Scalars['String']['output'];
  status: ExportStatus;
  updatedAt: Scalars['DateTime']['output'];
};

export type ExportChange = {
  __typename?: 'ExportChange';
  /** The export as it is now; null when it was deleted. */
  export?: Maybe<Export>;
  exportId: Scalars['ID']['output'];
};

export type ExportEvent = {
  __typename?: 'ExportEvent';
  createdAt: Scalars['DateTime']['output'];
  exportId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  message?: Maybe<Scalars['String']['output']>;
  metadata?: Maybe<Scalars['JSON']['output']>;
  /** Order of the event within its export. */
  seq: Scalars['Int']['output'];
  status: ExportStatus;
};

export type ExportFormat =
  | 'CSV'
  | 'JSON'
  | 'NDJSON'
  | 'SQL'
  | 'XLSX';

export type ExportPayload = {
  __typename?: 'ExportPayload';
  export: Export;
};

export type ExportProgress = {
  __typename?: 'ExportProgress';
  /** rowsDone / rowsTotal, 0..1 */
  fraction: Scalars['Float']['output'];
  /** Rows asked for each table. */
  rowCount: Scalars['Float']['output'];
  /** Rows written so far, all tables together. */
  rowsDone: Scalars['Float']['output'];
  /** Rows the export writes, all tables together. */
  rowsTotal: Scalars['Float']['output'];
};

/** The realism report of an export's rows (or a preview's), made while they were generated. */
export type ExportReport = {
  __typename?: 'ExportReport';
  rules: Array<ReportRule>;
  summary: ReportSummary;
  tables: Array<ReportTable>;
};

export type ExportStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING'
  | 'SUCCEEDED';

/** A kind of generated value (email, integer, ref...) with the options it takes. */
export type FieldType = {
  __typename?: 'FieldType';
  description: Scalars['String']['output'];
  /** For array types: the kind of the elements. */
  elementKind?: Maybe<Scalars['String']['output']>;
  example?: Maybe<Scalars['JSON']['output']>;
  /** Options that make a valid field of this type. */
  exampleOptions: Scalars['JSON']['output'];
  group: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The column kind it produces (text, integer, uuid...). */
  kind: Scalars['String']['output'];
  /** JSON Schema of the options. */
  options: Scalars['JSON']['output'];
  uniqueSupported: Scalars['Boolean']['output'];
};

/** You can see the thing but may not do this to it. */
export type ForbiddenError = Error & {
  __typename?: 'ForbiddenError';
  message: Scalars['String']['output'];
};

/** What the importer chose for one column, and why (a name pattern, a CHECK, a foreign key, a rule). */
export type ImportColumn = {
  __typename?: 'ImportColumn';
  column: Scalars['String']['output'];
  /** The field type of the definition. */
  generator: Scalars['String']['output'];
  options?: Maybe<Scalars['JSON']['output']>;
  /** The id of the column pattern that matched, when one did. */
  pattern?: Maybe<Scalars['String']['output']>;
  reason: Scalars['String']['output'];
  table: Scalars['String']['output'];
};

/** Something the importer skipped or guessed, at its place in the SQL. */
export type ImportNote = {
  __typename?: 'ImportNote';
  column: Scalars['Int']['output'];
  line: Scalars['Int']['output'];
  message: Scalars['String']['output'];
};

export type ImportSchemaPayload = {
  __typename?: 'ImportSchemaPayload';
  /** Column → generator → reason, in definition order. */
  columns: Array<ImportColumn>;
  /** A complete definition, ready for createSchema. */
  definition: Scalars['JSON']['output'];
  notes: Array<ImportNote>;
};

export type ImportSchemaResult = ImportSchemaPayload | ValidationError;

/** A configured limit was reached (rows per export, running exports, preview rows). */
export type LimitError = Error & {
  __typename?: 'LimitError';
  limit: Scalars['Float']['output'];
  message: Scalars['String']['output'];
  requested?: Maybe<Scalars['Float']['output']>;
};

/** Someone a schema is shared with. */
export type Member = {
  __typename?: 'Member';
  addedAt: Scalars['DateTime']['output'];
  role: MemberRole;
  schema: Schema;
  user: User;
};

export type MemberPayload = {
  __typename?: 'MemberPayload';
  member: Member;
};

export type MemberRole =
  | 'EDITOR'
  | 'VIEWER';

export type Mutation = {
  __typename?: 'Mutation';
  addMember: AddMemberResult;
  /** Accept a proposed change: the schema's definition becomes the change's, if the schema is still at expectedVersion. */
  applyAssistChange: ApplyAssistChangeResult;
  cancelExport: CancelExportResult;
  /** Forget your own provider key. */
  clearAssistKey: AssistStatus;
  createSchema: CreateSchemaResult;
  deleteExport: DeleteExportResult;
  deleteSchema: DeleteSchemaResult;
  duplicateSchema: DuplicateSchemaResult;
  /** PostgreSQL DDL in, a definition out (nothing is stored). Problems come back as a ValidationError whose paths are `line L, column C`. */
  importSchema: ImportSchemaResult;
  /** Reject a proposed change; the schema stays as it is. */
  rejectAssistChange: RejectAssistChangeResult;
  removeMember: RemoveMemberResult;
  /** Queues a new export with the same definition, format, options and seed. */
  retryExport: RetryExportResult;
  /** Store your own provider key (encrypted; only the server reads it). Your questions then go to this provider. */
  setAssistKey: SetAssistKeyResult;
  setSchemaShared: SetSchemaSharedResult;
  startExport: StartExportResult;
  updateMemberRole: UpdateMemberRoleResult;
  updateSchema: UpdateSchemaResult;
};


export type MutationAddMemberArgs = {
  email: Scalars['String']['input'];
  role: MemberRole;
  schemaId: Scalars['ID']['input'];
};


export type MutationApplyAssistChangeArgs = {
  changeId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
};


export type MutationCancelExportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateSchemaArgs = {
  definition: Scalars['JSON']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  seed?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeleteExportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteSchemaArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDuplicateSchemaArgs = {
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};


export type MutationImportSchemaArgs = {
  sql: Scalars['String']['input'];
};


export type MutationRejectAssistChangeArgs = {
  changeId: Scalars['ID']['input'];
};


export type MutationRemoveMemberArgs = {
  schemaId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRetryExportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetAssistKeyArgs = {
  apiKey: Scalars['String']['input'];
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  model: Scalars['String']['input'];
  protocol: Scalars['String']['input'];
};


export type MutationSetSchemaSharedArgs = {
  id: Scalars['ID']['input'];
  shared: Scalars['Boolean']['input'];
};


export type MutationStartExportArgs = {
  definition?: InputMaybe<Scalars['JSON']['input']>;
  format: ExportFormat;
  options?: InputMaybe<Scalars['JSON']['input']>;
  rowCount: Scalars['Int']['input'];
  schemaId?: InputMaybe<Scalars['ID']['input']>;
  seed?: InputMaybe<Scalars['String']['input']>;
  tableRows?: InputMaybe<Array<TableRows>>;
};


export type MutationUpdateMemberRoleArgs = {
  role: MemberRole;
  schemaId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationUpdateSchemaArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  patch: SchemaPatch;
};

/** The thing does not exist or is not visible to you (the two are not told apart). */
export type NotFoundError = Error & {
  __typename?: 'NotFoundError';
  id: Scalars['ID']['output'];
  message: Scalars['String']['output'];
};

export type Ownership =
  | 'ALL'
  /** Schemas you own */
  | 'MINE'
  /** Schemas others share with you */
  | 'SHARED';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type PreviewPayload = {
  __typename?: 'PreviewPayload';
  /** The realism report of the preview's rows: what an export's report says, for its first rows. */
  report: ExportReport;
  tables: Array<PreviewTable>;
};

export type PreviewRowsResult = LimitError | PreviewPayload | ValidationError;

export type PreviewTable = {
  __typename?: 'PreviewTable';
  columns: Array<Scalars['String']['output']>;
  /** Positional rows: rows[i][j] is the value of columns[j]. */
  rows: Scalars['JSON']['output'];
  table: Scalars['String']['output'];
};

export type Problem = {
  __typename?: 'Problem';
  message: Scalars['String']['output'];
  /** Where, e.g. `tables[1].fields[3].options.max` or `rowCount`. */
  path: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The assistant's conversations about a schema you can read, newest first (up to 100). */
  assistConversations: Array<AssistConversation>;
  assistStatus: AssistStatus;
  export?: Maybe<Export>;
  exports: QueryExportsConnection;
  fieldTypes: Array<FieldType>;
  /** The first rows of every table, generated from an unsaved definition; nothing is stored. */
  previewRows: PreviewRowsResult;
  /** A schema you own or that is shared with you; null otherwise. */
  schema?: Maybe<Schema>;
  schemas: QuerySchemasConnection;
  /** The signed-in user; null without a valid access token. */
  viewer?: Maybe<User>;
};


export type QueryAssistConversationsArgs = {
  schemaId: Scalars['ID']['input'];
};


export type QueryExportArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExportsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  schemaId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<ExportStatus>;
};


export type QueryFieldTypesArgs = {
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPreviewRowsArgs = {
  definition: Scalars['JSON']['input'];
  rows?: InputMaybe<Scalars['Int']['input']>;
  seed?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySchemaArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySchemasArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  ownership?: InputMaybe<Ownership>;
  search?: InputMaybe<Scalars['String']['input']>;
};

export type QueryExportsConnection = {
  __typename?: 'QueryExportsConnection';
  edges: Array<QueryExportsConnectionEdge>;
  pageInfo: PageInfo;
};

export type QueryExportsConnectionEdge = {
  __typename?: 'QueryExportsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Export;
};

export type QuerySchemasConnection = {
  __typename?: 'QuerySchemasConnection';
  edges: Array<QuerySchemasConnectionEdge>;
  pageInfo: PageInfo;
};

export type QuerySchemasConnectionEdge = {
  __typename?: 'QuerySchemasConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Schema;
};

export type RejectAssistChangeResult = AssistChangePayload | ConflictError | ForbiddenError | NotFoundError | ValidationError;

export type RemoveMemberPayload = {
  __typename?: 'RemoveMemberPayload';
  memberId: Scalars['ID']['output'];
  schemaId: Scalars['ID']['output'];
};

export type RemoveMemberResult = ConflictError | ForbiddenError | NotFoundError | RemoveMemberPayload | ValidationError;

/** Values in [from, to): numbers as text, or ISO dates, by the column kind. */
export type ReportBucket = {
  __typename?: 'ReportBucket';
  count: Scalars['Float']['output'];
  from: Scalars['String']['output'];
  to: Scalars['String']['output'];
};

export type ReportColumn = {
  __typename?: 'ReportColumn';
  /** Distinct values: exact up to 1,000, a HyperLogLog estimate (about 3 %) above. */
  distinct: Scalars['Float']['output'];
  distinctExact: Scalars['Boolean']['output'];
  /** Numbers and dates: buckets fixed by the definition (its declared range, else powers of ten; years for dates). */
  histogram: Array<ReportBucket>;
  /** text, integer, number, boolean, timestamp, date, uuid, json or array. */
  kind: Scalars['String']['output'];
  /** Text: shortest and longest value. */
  length?: Maybe<ReportLengthRange>;
  max?: Maybe<Scalars['String']['output']>;
  min?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  nullRate: Scalars['Float']['output'];
  nulls: Scalars['Float']['output'];
  /** The most frequent values, for columns of at most 50 distinct values. */
  topValues: Array<ReportValueShare>;
};

export type ReportLengthRange = {
  __typename?: 'ReportLengthRange';
  max: Scalars['Int']['output'];
  min: Scalars['Int']['output'];
};

export type ReportRule = {
  __typename?: 'ReportRule';
  /** Rows the rule applied to (a null on either side says nothing). */
  checked: Scalars['Float']['output'];
  /** Up to 5 violating row numbers (0-based, in the table), smallest first. */
  examples: Array<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  kind: ReportRuleKind;
  /** What the rule says: orders.shipped_at >= orders.created_at. */
  name: Scalars['String']['output'];
  /** Unique keys of large tables: the share of keys checked. */
  sampled?: Maybe<Scalars['Float']['output']>;
  /** Why the rule was not checked. */
  skipped?: Maybe<Scalars['String']['output']>;
  table: Scalars['String']['output'];
  violations: Scalars['Float']['output'];
};

export type ReportRuleKind =
  | 'CHECK'
  | 'CHILD_AFTER_PARENT'
  | 'EXACTLY_ONE'
  | 'FOREIGN_KEY'
  | 'INEQUALITY'
  | 'PROFILE'
  | 'SCOPE'
  | 'UNIQUE';

export type ReportSummary = {
  __typename?: 'ReportSummary';
  /** Rules checked. */
  checked: Scalars['Int']['output'];
  rules: Scalars['Int']['output'];
  skipped: Scalars['Int']['output'];
  /** Violating rows, all rules together. */
  violations: Scalars['Float']['output'];
};

export type ReportTable = {
  __typename?: 'ReportTable';
  columns: Array<ReportColumn>;
  name: Scalars['String']['output'];
  rows: Scalars['Float']['output'];
};

export type ReportValueShare = {
  __typename?: 'ReportValueShare';
  count: Scalars['Float']['output'];
  /** Of the non-null values, 0..1. */
  share: Scalars['Float']['output'];
  value: Scalars['String']['output'];
};

export type RetryExportResult = ConflictError | ExportPayload | ForbiddenError | LimitError | NotFoundError | ValidationError;

/** A saved generator definition: tables, fields, options and relationships. */
export type Schema = {
  __typename?: 'Schema';
  canEdit: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  definition: Scalars['JSON']['output'];
  description?: Maybe<Scalars['String']['output']>;
  engine?: Maybe<Scalars['String']['output']>;
  /** The latest 20 exports of this schema that you can see. */
  exports: Array<Export>;
  id: Scalars['ID']['output'];
  isShared: Scalars['Boolean']['output'];
  members: Array<Member>;
  myRole: SchemaAccess;
  name: Scalars['String']['output'];
  owner: User;
  seed?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** Increases with every update; pass it back as expectedVersion. */
  version: Scalars['Int']['output'];
};

export type SchemaAccess =
  | 'EDITOR'
  | 'OWNER'
  | 'VIEWER';

export type SchemaPatch = {
  definition?: InputMaybe<Scalars['JSON']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  seed?: InputMaybe<Scalars['String']['input']>;
};

export type SchemaPayload = {
  __typename?: 'SchemaPayload';
  schema: Schema;
};

export type SetAssistKeyResult = AssistStatus | ValidationError;

export type SetSchemaSharedResult = ConflictError | ForbiddenError | NotFoundError | SchemaPayload | ValidationError;

export type StartExportResult = ConflictError | ExportPayload | ForbiddenError | LimitError | NotFoundError | ValidationError;

export type Subscription = {
  __typename?: 'Subscription';
  /** Ask the assistant about a schema you may edit: streams the explanation, ends with the proposed change (or the error). Nothing is applied. */
  assist: AssistEvent;
  /** Stored events after afterEventId, then live ones; completes after the final event. */
  exportProgress: ExportEvent;
  /** Fires whenever one of your exports is created, progresses, finishes or is deleted. */
  myExports: ExportChange;
};


export type SubscriptionAssistArgs = {
  conversationId?: InputMaybe<Scalars['ID']['input']>;
  message: Scalars['String']['input'];
  schemaId: Scalars['ID']['input'];
  task?: InputMaybe<AssistTask>;
};


export type SubscriptionExportProgressArgs = {
  afterEventId?: InputMaybe<Scalars['ID']['input']>;
  exportId: Scalars['ID']['input'];
};

/** The rows of one table of an export. */
export type TableRows = {
  rows: Scalars['Int']['input'];
  table: Scalars['String']['input'];
};

export type UpdateMemberRoleResult = ConflictError | ForbiddenError | MemberPayload | NotFoundError | ValidationError;

export type UpdateSchemaResult = ConflictError | ForbiddenError | NotFoundError | SchemaPayload | ValidationError;

/** A person: you, a schema owner or a member of a schema you can see. */
export type User = {
  __typename?: 'User';
  email?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
};

export type ValidationError = Error & {
  __typename?: 'ValidationError';
  message: Scalars['String']['output'];
  problems: Array<Problem>;
};

export type ExportPlanQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ExportPlanQuery = { __typename?: 'Query', schema?: { __typename?: 'Schema', id: string, definition: unknown, seed?: string | null } | null };

export type StartExportMutationVariables = Exact<{
  schemaId: Scalars['ID']['input'];
  format: ExportFormat;
  rowCount: Scalars['Int']['input'];
  tableRows?: InputMaybe<Array<TableRows> | TableRows>;
  seed?: InputMaybe<Scalars['String']['input']>;
  options?: InputMaybe<Scalars['JSON']['input']>;
}>;


export type StartExportMutation = { __typename?: 'Mutation', startExport:
    | { __typename: 'ConflictError', currentVersion?: number | null, message: string }
    | { __typename: 'ExportPayload', export: { __typename?: 'Export', id: string } }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'LimitError', limit: number, requested?: number | null, message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> }
   };

export type CancelExportMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CancelExportMutation = { __typename?: 'Mutation', cancelExport:
    | { __typename: 'ConflictError', currentVersion?: number | null, message: string }
    | { __typename: 'ExportPayload', export: { __typename?: 'Export', id: string, status: ExportStatus, format: ExportFormat, rowCount: number, seed: string, attempt: number, createdAt: string, completedAt?: string | null, downloadUrl?: string | null, error?: unknown | null, canManage: boolean, owner: { __typename?: 'User', id: string, email?: string | null }, schema?: { __typename?: 'Schema', id: string, name: string } | null, progress: { __typename?: 'ExportProgress', rowsDone: number, rowCount: number, rowsTotal: number, fraction: number } } }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'LimitError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> }
   };

export type RetryExportMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RetryExportMutation = { __typename?: 'Mutation', retryExport:
    | { __typename: 'ConflictError', currentVersion?: number | null, message: string }
    | { __typename: 'ExportPayload', export: { __typename?: 'Export', id: string } }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'LimitError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> }
   };

type MutationError_ConflictError_Fragment = { __typename: 'ConflictError', currentVersion?: number | null, message: string };

type MutationError_ForbiddenError_Fragment = { __typename: 'ForbiddenError', message: string };

type MutationError_LimitError_Fragment = { __typename: 'LimitError', message: string };

type MutationError_NotFoundError_Fragment = { __typename: 'NotFoundError', message: string };

type MutationError_ValidationError_Fragment = { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> };

export type MutationErrorFragment =
  | MutationError_ConflictError_Fragment
  | MutationError_ForbiddenError_Fragment
  | MutationError_LimitError_Fragment
  | MutationError_NotFoundError_Fragment
  | MutationError_ValidationError_Fragment
;

export type RealismReportFragment = { __typename?: 'ExportReport', summary: { __typename?: 'ReportSummary', rules: number, checked: number, violations: number, skipped: number }, tables: Array<{ __typename?: 'ReportTable', name: string, rows: number, columns: Array<{ __typename?: 'ReportColumn', name: string, kind: string, nulls: number, nullRate: number, distinct: number, distinctExact: boolean, min?: string | null, max?: string | null, topValues: Array<{ __typename?: 'ReportValueShare', value: string, count: number, share: number }>, histogram: Array<{ __typename?: 'ReportBucket', from: string, to: string, count: number }>, length?: { __typename?: 'ReportLengthRange', min: number, max: number } | null }> }>, rules: Array<{ __typename?: 'ReportRule', id: string, table: string, kind: ReportRuleKind, name: string, checked: number, violations: number, examples: Array<number>, sampled?: number | null, skipped?: string | null }> };

export type ExportSummaryFragment = { __typename?: 'Export', id: string, status: ExportStatus, format: ExportFormat, rowCount: number, seed: string, attempt: number, createdAt: string, completedAt?: string | null, downloadUrl?: string | null, error?: unknown | null, canManage: boolean, owner: { __typename?: 'User', id: string, email?: string | null }, schema?: { __typename?: 'Schema', id: string, name: string } | null, progress: { __typename?: 'ExportProgress', rowsDone: number, rowCount: number, rowsTotal: number, fraction: number } };

export type ExportsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<ExportStatus>;
  schemaId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ExportsQuery = { __typename?: 'Query', exports: { __typename?: 'QueryExportsConnection', edges: Array<{ __typename?: 'QueryExportsConnectionEdge', node: { __typename?: 'Export', id: string, status: ExportStatus, format: ExportFormat, rowCount: number, seed: string, attempt: number, createdAt: string, completedAt?: string | null, downloadUrl?: string | null, error?: unknown | null, canManage: boolean, owner: { __typename?: 'User', id: string, email?: string | null }, schema?: { __typename?: 'Schema', id: string, name: string } | null, progress: { __typename?: 'ExportProgress', rowsDone: number, rowCount: number, rowsTotal: number, fraction: number } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ExportSchemasQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportSchemasQuery = { __typename?: 'Query', schemas: { __typename?: 'QuerySchemasConnection', edges: Array<{ __typename?: 'QuerySchemasConnectionEdge', node: { __typename?: 'Schema', id: string, name: string } }> } };

export type ExportQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ExportQuery = { __typename?: 'Query', export?: { __typename?: 'Export', options: unknown, id: string, status: ExportStatus, format: ExportFormat, rowCount: number, seed: string, attempt: number, createdAt: string, completedAt?: string | null, downloadUrl?: string | null, error?: unknown | null, canManage: boolean, report?: { __typename?: 'ExportReport', summary: { __typename?: 'ReportSummary', rules: number, checked: number, violations: number, skipped: number }, tables: Array<{ __typename?: 'ReportTable', name: string, rows: number, columns: Array<{ __typename?: 'ReportColumn', name: string, kind: string, nulls: number, nullRate: number, distinct: number, distinctExact: boolean, min?: string | null, max?: string | null, topValues: Array<{ __typename?: 'ReportValueShare', value: string, count: number, share: number }>, histogram: Array<{ __typename?: 'ReportBucket', from: string, to: string, count: number }>, length?: { __typename?: 'ReportLengthRange', min: number, max: number } | null }> }>, rules: Array<{ __typename?: 'ReportRule', id: string, table: string, kind: ReportRuleKind, name: string, checked: number, violations: number, examples: Array<number>, sampled?: number | null, skipped?: string | null }> } | null, events: Array<{ __typename?: 'ExportEvent', id: string, seq: number, status: ExportStatus, message?: string | null, metadata?: unknown | null, createdAt: string }>, owner: { __typename?: 'User', id: string, email?: string | null }, schema?: { __typename?: 'Schema', id: string, name: string } | null, progress: { __typename?: 'ExportProgress', rowsDone: number, rowCount: number, rowsTotal: number, fraction: number } } | null };

export type MyExportsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MyExportsSubscription = { __typename?: 'Subscription', myExports: { __typename?: 'ExportChange', exportId: string, export?: { __typename?: 'Export', id: string, status: ExportStatus, format: ExportFormat, rowCount: number, seed: string, attempt: number, createdAt: string, completedAt?: string | null, downloadUrl?: string | null, error?: unknown | null, canManage: boolean, owner: { __typename?: 'User', id: string, email?: string | null }, schema?: { __typename?: 'Schema', id: string, name: string } | null, progress: { __typename?: 'ExportProgress', rowsDone: number, rowCount: number, rowsTotal: number, fraction: number } } | null } };

export type ExportProgressSubscriptionVariables = Exact<{
  exportId: Scalars['ID']['input'];
  afterEventId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ExportProgressSubscription = { __typename?: 'Subscription', exportProgress: { __typename?: 'ExportEvent', id: string, seq: number, status: ExportStatus, message?: string | null, metadata?: unknown | null, createdAt: string } };

export type AssistStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type AssistStatusQuery = { __typename?: 'Query', assistStatus: { __typename?: 'AssistStatus', enabled: boolean, model?: string | null } };

export type AssistConversationsQueryVariables = Exact<{
  schemaId: Scalars['ID']['input'];
}>;


export type AssistConversationsQuery = { __typename?: 'Query', assistConversations: Array<{ __typename?: 'AssistConversation', id: string, title: string, messages: Array<{ __typename?: 'AssistMessage', id: string, role: string, content: string, task: AssistTask }>, changes: Array<{ __typename?: 'AssistChange', id: string, task: AssistTask, status: AssistChangeStatus, explanation: string, baseVersion: number, definition: unknown }> }> };

export type AssistChangePartsFragment = { __typename?: 'AssistChange', id: string, task: AssistTask, status: AssistChangeStatus, explanation: string, baseVersion: number, definition: unknown };

export type AssistSubscriptionVariables = Exact<{
  schemaId: Scalars['ID']['input'];
  message: Scalars['String']['input'];
  task?: InputMaybe<AssistTask>;
  conversationId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type AssistSubscription = { __typename?: 'Subscription', assist: { __typename?: 'AssistEvent', conversationId?: string | null, text?: string | null, retry?: Array<{ __typename?: 'Problem', path: string, message: string }> | null, change?: { __typename?: 'AssistChange', id: string, task: AssistTask, status: AssistChangeStatus, explanation: string, baseVersion: number, definition: unknown } | null, error?: { __typename?: 'AssistProblem', code: AssistErrorCode, message: string, retryAfterSeconds?: number | null, problems: Array<{ __typename?: 'Problem', path: string, message: string }> } | null } };

export type ApplyAssistChangeMutationVariables = Exact<{
  changeId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
}>;


export type ApplyAssistChangeMutation = { __typename?: 'Mutation', applyAssistChange:
    | { __typename: 'AssistChangePayload', change: { __typename?: 'AssistChange', id: string, status: AssistChangeStatus }, schema: { __typename?: 'Schema', id: string, version: number } }
    | { __typename: 'ConflictError', currentVersion?: number | null, message: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> }
   };

export type RejectAssistChangeMutationVariables = Exact<{
  changeId: Scalars['ID']['input'];
}>;


export type RejectAssistChangeMutation = { __typename?: 'Mutation', rejectAssistChange:
    | { __typename: 'AssistChangePayload', change: { __typename?: 'AssistChange', id: string, status: AssistChangeStatus } }
    | { __typename: 'ConflictError', currentVersion?: number | null, message: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> }
   };

export type SchemaQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SchemaQuery = { __typename?: 'Query', schema?: { __typename?: 'Schema', id: string, name: string, description?: string | null, definition: unknown, seed?: string | null, version: number, canEdit: boolean, myRole: SchemaAccess, owner: { __typename?: 'User', id: string, email?: string | null }, members: Array<{ __typename?: 'Member', role: MemberRole, user: { __typename?: 'User', id: string, email?: string | null } }> } | null };

export type FieldTypesQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type FieldTypesQuery = { __typename?: 'Query', fieldTypes: Array<{ __typename?: 'FieldType', id: string, group: string, description: string, kind: string, example?: unknown | null, options: unknown, exampleOptions: unknown, uniqueSupported: boolean }> };

export type PreviewRowsQueryVariables = Exact<{
  definition: Scalars['JSON']['input'];
  seed?: InputMaybe<Scalars['String']['input']>;
  rows?: InputMaybe<Scalars['Int']['input']>;
}>;


export type PreviewRowsQuery = { __typename?: 'Query', previewRows:
    | { __typename: 'LimitError', message: string }
    | { __typename: 'PreviewPayload', tables: Array<{ __typename?: 'PreviewTable', table: string, columns: Array<string>, rows: unknown }>, report: { __typename?: 'ExportReport', summary: { __typename?: 'ReportSummary', rules: number, checked: number, violations: number, skipped: number }, tables: Array<{ __typename?: 'ReportTable', name: string, rows: number, columns: Array<{ __typename?: 'ReportColumn', name: string, kind: string, nulls: number, nullRate: number, distinct: number, distinctExact: boolean, min?: string | null, max?: string | null, topValues: Array<{ __typename?: 'ReportValueShare', value: string, count: number, share: number }>, histogram: Array<{ __typename?: 'ReportBucket', from: string, to: string, count: number }>, length?: { __typename?: 'ReportLengthRange', min: number, max: number } | null }> }>, rules: Array<{ __typename?: 'ReportRule', id: string, table: string, kind: ReportRuleKind, name: string, checked: number, violations: number, examples: Array<number>, sampled?: number | null, skipped?: string | null }> } }
    | { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> }
   };

export type UpdateSchemaMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  patch: SchemaPatch;
}>;


export type UpdateSchemaMutation = { __typename?: 'Mutation', updateSchema:
    | { __typename: 'ConflictError', currentVersion?: number | null, message: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'SchemaPayload', schema: { __typename?: 'Schema', id: string, name: string, version: number, updatedAt: string } }
    | { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> }
   };

export type AddMemberMutationVariables = Exact<{
  schemaId: Scalars['ID']['input'];
  email: Scalars['String']['input'];
  role: MemberRole;
}>;


export type AddMemberMutation = { __typename?: 'Mutation', addMember:
    | { __typename: 'ConflictError', currentVersion?: number | null, message: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'MemberPayload', member: { __typename?: 'Member', role: MemberRole, user: { __typename?: 'User', id: string, email?: string | null } } }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> }
   };

export type UpdateMemberRoleMutationVariables = Exact<{
  schemaId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
  role: MemberRole;
}>;


export type UpdateMemberRoleMutation = { __typename?: 'Mutation', updateMemberRole:
    | { __typename: 'ConflictError', currentVersion?: number | null, message: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'MemberPayload', member: { __typename?: 'Member', role: MemberRole } }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> }
   };

export type RemoveMemberMutationVariables = Exact<{
  schemaId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
}>;


export type RemoveMemberMutation = { __typename?: 'Mutation', removeMember:
    | { __typename: 'ConflictError', currentVersion?: number | null, message: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'RemoveMemberPayload', memberId: string }
    | { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> }
   };

export type SchemasQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  ownership?: InputMaybe<Ownership>;
}>;


export type SchemasQuery = { __typename?: 'Query', schemas: { __typename?: 'QuerySchemasConnection', edges: Array<{ __typename?: 'QuerySchemasConnectionEdge', node: { __typename?: 'Schema', id: string, name: string, description?: string | null, myRole: SchemaAccess, updatedAt: string, owner: { __typename?: 'User', id: string, email?: string | null } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type CreateSchemaMutationVariables = Exact<{
  name: Scalars['String']['input'];
  definition: Scalars['JSON']['input'];
}>;


export type CreateSchemaMutation = { __typename?: 'Mutation', createSchema:
    | { __typename: 'ConflictError', currentVersion?: number | null, message: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'SchemaPayload', schema: { __typename?: 'Schema', id: string } }
    | { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> }
   };

export type DuplicateSchemaMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DuplicateSchemaMutation = { __typename?: 'Mutation', duplicateSchema:
    | { __typename: 'ConflictError', currentVersion?: number | null, message: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'SchemaPayload', schema: { __typename?: 'Schema', id: string, name: string } }
    | { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> }
   };

export type DeleteSchemaMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteSchemaMutation = { __typename?: 'Mutation', deleteSchema:
    | { __typename: 'ConflictError', currentVersion?: number | null, message: string }
    | { __typename: 'DeleteSchemaPayload', deletedId: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> }
   };

export type ImportSchemaMutationVariables = Exact<{
  sql: Scalars['String']['input'];
}>;


export type ImportSchemaMutation = { __typename?: 'Mutation', importSchema:
    | { __typename: 'ImportSchemaPayload', definition: unknown, notes: Array<{ __typename?: 'ImportNote', line: number, column: number, message: string }>, columns: Array<{ __typename?: 'ImportColumn', table: string, column: string, generator: string, options?: unknown | null, reason: string, pattern?: string | null }> }
    | { __typename: 'ValidationError', message: string, problems: Array<{ __typename?: 'Problem', path: string, message: string }> }
   };

export const MutationErrorFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<MutationErrorFragment, unknown>;
export const RealismReportFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RealismReport"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rules"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"violations"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"columns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"nulls"}},{"kind":"Field","name":{"kind":"Name","value":"nullRate"}},{"kind":"Field","name":{"kind":"Name","value":"distinct"}},{"kind":"Field","name":{"kind":"Name","value":"distinctExact"}},{"kind":"Field","name":{"kind":"Name","value":"topValues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"histogram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"length"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"table"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"violations"}},{"kind":"Field","name":{"kind":"Name","value":"examples"}},{"kind":"Field","name":{"kind":"Name","value":"sampled"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}}]}}]}}]} as unknown as DocumentNode<RealismReportFragment, unknown>;
export const ExportSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExportSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Export"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"canManage"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"rowsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}}]}}]}}]} as unknown as DocumentNode<ExportSummaryFragment, unknown>;
export const AssistChangePartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssistChangeParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssistChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"baseVersion"}},{"kind":"Field","name":{"kind":"Name","value":"definition"}}]}}]} as unknown as DocumentNode<AssistChangePartsFragment, unknown>;
export const ExportPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schema"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"definition"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}}]}}]}}]} as unknown as DocumentNode<ExportPlanQuery, ExportPlanQueryVariables>;
export const StartExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schemaId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"format"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExportFormat"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rowCount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tableRows"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TableRows"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"seed"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"options"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schemaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schemaId"}}},{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"Variable","name":{"kind":"Name","value":"format"}}},{"kind":"Argument","name":{"kind":"Name","value":"rowCount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rowCount"}}},{"kind":"Argument","name":{"kind":"Name","value":"tableRows"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tableRows"}}},{"kind":"Argument","name":{"kind":"Name","value":"seed"},"value":{"kind":"Variable","name":{"kind":"Name","value":"seed"}}},{"kind":"Argument","name":{"kind":"Name","value":"options"},"value":{"kind":"Variable","name":{"kind":"Name","value":"options"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"export"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LimitError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<StartExportMutation, StartExportMutationVariables>;
export const CancelExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"export"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExportSummary"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExportSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Export"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"canManage"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"rowsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<CancelExportMutation, CancelExportMutationVariables>;
export const RetryExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"export"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<RetryExportMutation, RetryExportMutationVariables>;
export const ExportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Exports"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ExportStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schemaId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"schemaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schemaId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExportSummary"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExportSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Export"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"canManage"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"rowsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}}]}}]}}]} as unknown as DocumentNode<ExportsQuery, ExportsQueryVariables>;
export const ExportSchemasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportSchemas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schemas"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExportSchemasQuery, ExportSchemasQueryVariables>;
export const ExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Export"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"export"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExportSummary"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RealismReport"}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExportSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Export"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"canManage"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"rowsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RealismReport"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rules"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"violations"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"columns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"nulls"}},{"kind":"Field","name":{"kind":"Name","value":"nullRate"}},{"kind":"Field","name":{"kind":"Name","value":"distinct"}},{"kind":"Field","name":{"kind":"Name","value":"distinctExact"}},{"kind":"Field","name":{"kind":"Name","value":"topValues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"histogram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"length"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"table"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"violations"}},{"kind":"Field","name":{"kind":"Name","value":"examples"}},{"kind":"Field","name":{"kind":"Name","value":"sampled"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}}]}}]}}]} as unknown as DocumentNode<ExportQuery, ExportQueryVariables>;
export const MyExportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MyExports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myExports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportId"}},{"kind":"Field","name":{"kind":"Name","value":"export"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExportSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExportSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Export"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"canManage"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"rowsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}}]}}]}}]} as unknown as DocumentNode<MyExportsSubscription, MyExportsSubscriptionVariables>;
export const ExportProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ExportProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"exportId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterEventId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"exportId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"exportId"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterEventId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterEventId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ExportProgressSubscription, ExportProgressSubscriptionVariables>;
export const AssistStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssistStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assistStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}}]}}]} as unknown as DocumentNode<AssistStatusQuery, AssistStatusQueryVariables>;
export const AssistConversationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssistConversations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schemaId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assistConversations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schemaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schemaId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"task"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssistChangeParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssistChangeParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssistChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"baseVersion"}},{"kind":"Field","name":{"kind":"Name","value":"definition"}}]}}]} as unknown as DocumentNode<AssistConversationsQuery, AssistConversationsQueryVariables>;
export const AssistDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Assist"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schemaId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"task"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AssistTask"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conversationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assist"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schemaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schemaId"}}},{"kind":"Argument","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}},{"kind":"Argument","name":{"kind":"Name","value":"task"},"value":{"kind":"Variable","name":{"kind":"Name","value":"task"}}},{"kind":"Argument","name":{"kind":"Name","value":"conversationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conversationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversationId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"retry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssistChangeParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssistChangeParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssistChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"baseVersion"}},{"kind":"Field","name":{"kind":"Name","value":"definition"}}]}}]} as unknown as DocumentNode<AssistSubscription, AssistSubscriptionVariables>;
export const ApplyAssistChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplyAssistChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"changeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyAssistChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"changeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"changeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssistChangePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<ApplyAssistChangeMutation, ApplyAssistChangeMutationVariables>;
export const RejectAssistChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectAssistChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"changeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectAssistChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"changeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"changeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssistChangePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<RejectAssistChangeMutation, RejectAssistChangeMutationVariables>;
export const SchemaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Schema"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schema"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"definition"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"canEdit"}},{"kind":"Field","name":{"kind":"Name","value":"myRole"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SchemaQuery, SchemaQueryVariables>;
export const FieldTypesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FieldTypes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fieldTypes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"example"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"exampleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueSupported"}}]}}]}}]} as unknown as DocumentNode<FieldTypesQuery, FieldTypesQueryVariables>;
export const PreviewRowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreviewRows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"definition"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"seed"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rows"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewRows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"definition"},"value":{"kind":"Variable","name":{"kind":"Name","value":"definition"}}},{"kind":"Argument","name":{"kind":"Name","value":"seed"},"value":{"kind":"Variable","name":{"kind":"Name","value":"seed"}}},{"kind":"Argument","name":{"kind":"Name","value":"rows"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rows"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PreviewPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"table"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RealismReport"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RealismReport"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExportReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rules"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"violations"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"columns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"nulls"}},{"kind":"Field","name":{"kind":"Name","value":"nullRate"}},{"kind":"Field","name":{"kind":"Name","value":"distinct"}},{"kind":"Field","name":{"kind":"Name","value":"distinctExact"}},{"kind":"Field","name":{"kind":"Name","value":"topValues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"histogram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"length"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"table"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"violations"}},{"kind":"Field","name":{"kind":"Name","value":"examples"}},{"kind":"Field","name":{"kind":"Name","value":"sampled"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<PreviewRowsQuery, PreviewRowsQueryVariables>;
export const UpdateSchemaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSchema"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SchemaPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSchema"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SchemaPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<UpdateSchemaMutation, UpdateSchemaMutationVariables>;
export const AddMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schemaId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schemaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schemaId"}}},{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MemberPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<AddMemberMutation, AddMemberMutationVariables>;
export const UpdateMemberRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schemaId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schemaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schemaId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MemberPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<UpdateMemberRoleMutation, UpdateMemberRoleMutationVariables>;
export const RemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schemaId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schemaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schemaId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveMemberPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberId"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const SchemasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Schemas"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ownership"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Ownership"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schemas"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"ownership"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ownership"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"myRole"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<SchemasQuery, SchemasQueryVariables>;
export const CreateSchemaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSchema"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"definition"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSchema"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"definition"},"value":{"kind":"Variable","name":{"kind":"Name","value":"definition"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SchemaPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<CreateSchemaMutation, CreateSchemaMutationVariables>;
export const DuplicateSchemaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DuplicateSchema"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicateSchema"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SchemaPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<DuplicateSchemaMutation, DuplicateSchemaMutationVariables>;
export const DeleteSchemaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSchema"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSchema"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteSchemaPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<DeleteSchemaMutation, DeleteSchemaMutationVariables>;
export const ImportSchemaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportSchema"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sql"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importSchema"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sql"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sql"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportSchemaPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"definition"}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"columns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"table"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"generator"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationError"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<ImportSchemaMutation, ImportSchemaMutationVariables>;