/**
 * One file per record of a map: its type, the rules its fields keep (read by the importer's
 * schema, the invariants and the commands alike) and its defaults (factories and file defaults).
 */
export * from './rules';
export * from './position';
export * from './goal';
export * from './link';
export * from './stakeholder';
export * from './incentive';
export * from './conflict';
export * from './tradeOff';
export * from './reportingLine';
export * from './map';
