/**
 * HL7 v2 coding system names (table 0396, CWE.3/.6/.12) -> FHIR system URIs. Only names whose FHIR URI is
 * settled are listed; see `resolveCodingSystem` for everything else.
 */
const KNOWN: Readonly<Record<string, string>> = {
  LN: 'http://loinc.org',
  LOINC: 'http://loinc.org',
  SCT: 'http://snomed.info/sct',
  SNM: 'http://snomed.info/sct',
  SNOMED: 'http://snomed.info/sct',
  SNOMEDCT: 'http://snomed.info/sct',
  'SNOMED-CT': 'http://snomed.info/sct',
  I9: 'http://hl7.org/fhir/sid/icd-9-cm',
  I9C: 'http://hl7.org/fhir/sid/icd-9-cm',
  I9CDX: 'http://hl7.org/fhir/sid/icd-9-cm',
  ICD9: 'http://hl7.org/fhir/sid/icd-9-cm',
  I10: 'http://hl7.org/fhir/sid/icd-10',
  ICD10: 'http://hl7.org/fhir/sid/icd-10',
  I10C: 'http://hl7.org/fhir/sid/icd-10-cm',
  ICD10CM: 'http://hl7.org/fhir/sid/icd-10-cm',
  'ICD-10-CM': 'http://hl7.org/fhir/sid/icd-10-cm',
  I10P: 'http://www.cms.gov/Medicare/Coding/ICD10',
  CVX: 'http://hl7.org/fhir/sid/cvx',
  MVX: 'http://terminology.hl7.org/CodeSystem/MVX',
  RXNORM: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  RXN: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  UCUM: 'http://unitsofmeasure.org',
  NDC: 'http://hl7.org/fhir/sid/ndc',
  C4: 'http://www.ama-assn.org/go/cpt',
  C5: 'http://www.ama-assn.org/go/cpt',
  CPT: 'http://www.ama-assn.org/go/cpt',
  CPT4: 'http://www.ama-assn.org/go/cpt',
  'CPT-4': 'http://www.ama-assn.org/go/cpt',
  HCPCS: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  NUCC: 'http://nucc.org/provider-taxonomy',
  CDCREC: 'urn:oid:2.16.840.1.113883.6.238',
  NCIT: 'http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl',
  NCI: 'http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl',
  ISO3166: 'urn:iso:std:iso:3166',
  ISO3166_1: 'urn:iso:std:iso:3166',
  'ISO639-1': 'urn:ietf:bcp:47',
};

const HL7_TABLE = /^HL7[-_]?(\d{4})$/i;
const URI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const OID = /^[0-2](\.(0|[1-9]\d*))+$/;

export interface CodingSystemOptions {
  /**
   * Base for names that have no known URI (local "L", "99zzz", vendor names): the system becomes
   * `${localCodeSystemBase}${name}`. When unset, such codings carry no system (code and display kept).
   */
  localCodeSystemBase?: string;
}

/**
 * Resolves a v2 coding system name: known table names, `HL7nnnn` -> terminology.hl7.org v2 tables, a URI as
 * is, a bare OID as `urn:oid:`, else the local base or undefined. `oid` (CWE.14/.17/.20) is used when the
 * name itself is unknown.
 */
export function resolveCodingSystem(
  name: string | undefined,
  options: CodingSystemOptions = {},
  oid?: string,
): string | undefined {
  if (name !== undefined) {
    const known = KNOWN[name] ?? KNOWN[name.toUpperCase()];
    if (known !== undefined) return known;
    const table = HL7_TABLE.exec(name);
    if (table) return `http://terminology.hl7.org/CodeSystem/v2-${table[1]}`;
    if (URI.test(name)) return name;
    if (OID.test(name)) return `urn:oid:${name}`;
  }
  if (oid !== undefined && OID.test(oid)) return `urn:oid:${oid}`;
  if (name !== undefined && options.localCodeSystemBase !== undefined)
    return `${options.localCodeSystemBase}${name}`;
  return undefined;
}

/** `http://terminology.hl7.org/CodeSystem/v2-0001` for table "0001" or "1". */
export function v2TableSystem(table: string | number): string {
  return `http://terminology.hl7.org/CodeSystem/v2-${String(table).padStart(4, '0')}`;
}
