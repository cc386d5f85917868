export { ReportBuilder, mergeReports, reportOf, reportSummary, rulesSummary } from './report.js';
export type { Report, ReportState, TableReport, RuleReport } from './report.js';
export type { ColumnReport } from './column-stats.js';
export { previewReport } from './preview-report.js';
export { rulesOf } from './rules.js';
export type { Rule, RuleKind, Comparison, Operand } from './rules.js';
export { checkDatabase, ruleQueries } from './rule-sql.js';
export type { RunQuery } from './rule-sql.js';
