/** Panels run edits through the store's applyEdit; kept here so ui code has one import path. */
export { applyEdit } from '../store/applyEdit';
