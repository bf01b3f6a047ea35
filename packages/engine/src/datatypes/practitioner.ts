import type { TimeZoneResolver } from './datetime';
import type { CodeableConcept, Identifier, PractitionerParts } from './fhir-types';
import { hdToSystem, identifierType, type IdentifierSystemOptions } from './identifier';
import { XCN_NAME, xpnToHumanNames } from './name';
import { compact, sub, text, type Repetition } from './tree';
import { mapCode } from './vocabulary';

/**
 * XCN -> the parts of a Practitioner (IG sheet XCN[Practitioner]): identifier from XCN.1 with system and
 * assigner from XCN.9 (as CX.4), type XCN.13, check digit XCN.11/.12; name from XCN.2-6, .10, .17-21
 * (as XPN); qualification from the degree XCN.7 (table 0360). Not mapped: XCN.8, .14-16, .18, .22-25.
 */
export function xcnToPractitioner(
  rep: Repetition,
  zone: TimeZoneResolver,
  options: IdentifierSystemOptions,
): PractitionerParts | undefined {
  const value = text(rep, 1);
  let identifier: Identifier | undefined;
  if (value !== undefined) {
    const { system, assigner } = hdToSystem(sub(rep, 9, 1), sub(rep, 9, 2), sub(rep, 9, 3), options);
    const checkDigit = text(rep, 11);
    const scheme = text(rep, 12);
    identifier = compact<Identifier>({
      extension: [
        ...(checkDigit !== undefined
          ? [
              {
                url: 'http://hl7.org/fhir/StructureDefinition/identifier-checkDigit',
                valueString: checkDigit,
              },
            ]
          : []),
        ...(scheme !== undefined
          ? [{ url: 'http://hl7.org/fhir/StructureDefinition/namingsystem-checkDigit', valueString: scheme }]
          : []),
      ],
      type: identifierType(text(rep, 13)),
      system,
      value,
      assigner: assigner !== undefined ? { display: assigner } : undefined,
    });
  }
  const name = xpnToHumanNames(rep, XCN_NAME, zone)[0];
  const degree = text(rep, 7);
  let qualification: { code: CodeableConcept }[] | undefined;
  if (degree !== undefined) {
    const known = mapCode('v2-0360', degree);
    qualification = [
      {
        code: known
          ? { coding: [compact({ system: known.system, code: known.code, display: known.display })] }
          : { text: degree },
      },
    ];
  }
  const parts = compact<PractitionerParts>({ identifier, name, qualification });
  return Object.keys(parts).length > 0 ? parts : undefined;
}
