import { INCENTIVE_KINDS } from '../../domain/model';

/** An incentive's kinds as choices, for editing one and for adding one. */
export const INCENTIVE_KIND_OPTIONS = INCENTIVE_KINDS.map((k) => ({
  value: k,
  label: k.charAt(0).toUpperCase() + k.slice(1),
}));
