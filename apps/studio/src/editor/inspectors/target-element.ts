import { targetElements, type TargetElement } from '../../panels-data/target-tree';

/** The element a target handle fills (`name.family`), or undefined for a path the tree does not list. */
export function findTargetElement(resourceType: string, path: string): TargetElement | undefined {
  let level = targetElements(resourceType);
  for (;;) {
    const hit = level.find((e) => e.path === path);
    if (hit) return hit;
    const parent = level.find((e) => path.startsWith(`${e.path}.`));
    if (!parent) return undefined;
    level = parent.children;
  }
}

/**
 * What a new transform on a wire starts as: the HL7 datatype function for the element's FHIR type, so
 * a TS timestamp into `birthDate` is `$toDate($in)` before the analyst types anything.
 */
export function defaultExpression(element: TargetElement | undefined): string {
  const type = element?.types.length === 1 ? element.types[0] : undefined;
  switch (type) {
    case 'date':
      return '$toDate($in)';
    case 'dateTime':
      return '$toDateTime($in)';
    case 'instant':
      return '$toInstant($in)';
    case 'HumanName':
      return '$toHumanName($in)';
    case 'Address':
      return '$toAddress($in)';
    case 'Identifier':
      return '$toIdentifier($in)';
    case 'CodeableConcept':
      return '$toCodeableConcept($in)';
    case 'Coding':
      return '$toCoding($in)';
    case 'ContactPoint':
      return '$toContactPoint($in)';
    case 'Quantity':
      return '$toQuantity($in)';
    default:
      return '$in';
  }
}
