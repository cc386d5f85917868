export { ReportBuilder, mergeReports, reportOf, reportSummary } from './report.js';
export type { Report, ReportState, TableReport, RuleReport } from './report.js';
export type { ColumnReport } from './column-stats.js';
export { rulesOf } from './rules.js';
export type { Rule, RuleKind, Comparison, Operand } from './rules.js';
