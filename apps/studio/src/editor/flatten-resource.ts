/**
 * A resource as `path = value` rows (`name[0].family = "EVERYMAN"`), the way an analyst checks an
 * output field by field; leaves only, in document order.
 */
export function flattenResource(
  value: unknown,
  prefix = '',
): Array<{ path: string; value: string | number | boolean | null }> {
  if (Array.isArray(value)) return value.flatMap((item, i) => flattenResource(item, `${prefix}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) =>
      flattenResource(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  if (value === undefined) return [];
  return [{ path: prefix, value: value as string | number | boolean | null }];
}
