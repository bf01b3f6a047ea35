import { hl7ToDateTime, type TimeZoneResolver } from './datetime';
import type { CodeableConcept, Extension, Identifier } from './fhir-types';
import { compact, sub, text, type Repetition } from './tree';
import { mapCode } from './vocabulary';

export interface IdentifierSystemOptions {
  /**
   * Base for assigning authorities known only by a local namespace ("NIST MPI"): the system becomes
   * `${localIdentifierSystemBase}${encodeURIComponent(namespace)}`. Unset: no system, and the namespace
   * is kept as `assigner.display`.
   */
  localIdentifierSystemBase?: string;
}

/** Namespaces that name an authority in the FHIR identifier registry. */
const REGISTRY: Readonly<Record<string, string>> = {
  USSSA: 'http://hl7.org/fhir/sid/us-ssn',
  SSA: 'http://hl7.org/fhir/sid/us-ssn',
  NPI: 'http://hl7.org/fhir/sid/us-npi',
};

const URI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const OID = /^[0-2](\.(0|[1-9]\d*))+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * HD (assigning authority) -> Identifier.system, following the IG sheet HD[uri]: the universal id wins
 * (ISO -> urn:oid:, UUID -> urn:uuid:, URI/URL or a value that is already a URI -> as is; with no HD.3,
 * an OID- or UUID-shaped value is read the same way); then the namespace when it is in the identifier
 * registry (USSSA -> us-ssn, NPI -> us-npi), a URI or an OID; then the configured local base.
 * The IG puts a non-URI namespace in `system` as is; we do not, because "NIST MPI" is not a URI and
 * FHIR validators reject it. A namespace not used as the system is kept as `assigner.display`.
 */
export function hdToSystem(
  namespace: string | undefined,
  universalId: string | undefined,
  universalIdType: string | undefined,
  options: IdentifierSystemOptions,
): { system?: string; assigner?: string } {
  let system: string | undefined;
  if (universalId !== undefined) {
    const type = universalIdType?.toUpperCase();
    if (type === 'ISO' || (type === undefined && OID.test(universalId))) system = `urn:oid:${universalId}`;
    else if (type === 'UUID' || (type === undefined && UUID.test(universalId)))
      system = `urn:uuid:${universalId.toLowerCase()}`;
    else if (type === 'URI' || type === 'URL' || URI.test(universalId)) system = universalId;
  }
  if (system !== undefined || namespace === undefined) return { system, assigner: namespace };
  const fromNamespace =
    REGISTRY[namespace.toUpperCase()] ??
    (URI.test(namespace) ? namespace : OID.test(namespace) ? `urn:oid:${namespace}` : undefined);
  if (fromNamespace !== undefined) return { system: fromNamespace };
  if (options.localIdentifierSystemBase !== undefined) {
    return {
      system: `${options.localIdentifierSystemBase}${encodeURIComponent(namespace)}`,
      assigner: namespace,
    };
  }
  return { assigner: namespace };
}

/** Identifier.type from a table 0203 code; a code outside the table is kept as text only. */
export function identifierType(code: string | undefined): CodeableConcept | undefined {
  if (code === undefined) return undefined;
  const known = mapCode('v2-0203', code);
  if (!known) return { text: code };
  return { coding: [compact({ system: known.system, code: known.code, display: known.display })] };
}

/**
 * CX -> Identifier (IG sheet CX[Identifier]): value CX.1, check digit CX.2/.3 as extensions, system and
 * assigner from CX.4 (see hdToSystem), type CX.5, period CX.7/.8. A repetition without CX.1 is skipped.
 * Not mapped: CX.6 (assigning facility), CX.9-12.
 */
export function cxToIdentifier(
  rep: Repetition,
  zone: TimeZoneResolver,
  options: IdentifierSystemOptions,
): Identifier | undefined {
  const value = text(rep, 1);
  if (value === undefined) return undefined;
  const extension: Extension[] = [];
  const checkDigit = text(rep, 2);
  const scheme = text(rep, 3);
  if (checkDigit !== undefined)
    extension.push({
      url: 'http://hl7.org/fhir/StructureDefinition/identifier-checkDigit',
      valueString: checkDigit,
    });
  if (scheme !== undefined)
    extension.push({
      url: 'http://hl7.org/fhir/StructureDefinition/namingsystem-checkDigit',
      valueString: scheme,
    });
  const { system, assigner } = hdToSystem(sub(rep, 4, 1), sub(rep, 4, 2), sub(rep, 4, 3), options);
  const period = compact({
    start: hl7ToDateTime(text(rep, 7), zone),
    end: hl7ToDateTime(text(rep, 8), zone),
  });
  return compact<Identifier>({
    extension,
    type: identifierType(text(rep, 5)),
    system,
    value,
    period,
    assigner: assigner !== undefined ? { display: assigner } : undefined,
  });
}
