import { componentKey, fieldKey, subcomponentKey } from './keys';
import type { Hl7Component, Hl7SegmentFields } from './types';

/** The text of a component: the string, "" for null, or its first subcomponent. */
export function componentText(c: Hl7Component | undefined): string {
  if (c === undefined || c === null) return '';
  if (typeof c === 'string') return c;
  return c.S1 ?? '';
}

/**
 * Reads field/component/subcomponent (1-based) of the first repetition as text ("" when
 * absent or null): the accessor used for header fields.
 */
export function leafText(
  fields: Hl7SegmentFields,
  field: number,
  component = 1,
  subcomponent?: number,
  repetition = 1,
): string {
  const c = fields[fieldKey(field)]?.[repetition - 1]?.[componentKey(component)];
  if (subcomponent === undefined || c === null || c === undefined) return componentText(c);
  if (typeof c === 'string') return subcomponent === 1 ? c : '';
  return c[subcomponentKey(subcomponent)] ?? '';
}
