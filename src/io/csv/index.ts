/** CSV: import a KPI tree kept in a spreadsheet, and export goals to one. */
export { CSV_COLUMNS, type CsvColumn, type CsvGoalRow } from './columns';
export { exportGoalsCsv } from './export';
export { parseGoalCsv, type ParsedGoalCsv } from './parse';
export { planCsvImport, type CsvImportPlan, type NewMapInfo } from './plan';
