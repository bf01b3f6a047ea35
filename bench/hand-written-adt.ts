import { messageSeed, type Bundle, type BundleEntry } from '@mapwright/engine';
import type { Hl7Message } from '@mapwright/hl7v2';
import { entry, fullUrl } from './hand-written-adt/bundle';
import { allergy, condition, relatedPerson } from './hand-written-adt/clinical';
import { coverage, insurer, namesInsurer } from './hand-written-adt/coverage';
import { encounter } from './hand-written-adt/encounter';
import { adtSegments } from './hand-written-adt/hl7';
import { patient } from './hand-written-adt/patient';

/**
 * The adt-patient mapping (mappings/adt-patient) written by hand in TypeScript: the reference limit the
 * engine is measured against. It reads the parsed segments directly, reuses the engine's pure HL7
 * datatype converters and bundled ConceptMaps as a library, and builds plain objects; no JSONata.
 * `text` is the message as received: fullUrls are derived from its hash exactly as the engine does, so
 * the two bundles can be compared entry for entry (tests/hand-written-adt.test.ts).
 */
export function handWrittenAdt(message: Hl7Message, text: string): Bundle {
  const seed = messageSeed(text);
  const s = adtSegments(message);
  const patientUrl = fullUrl(seed, 'patient', 0);
  const entries: BundleEntry[] = [entry(patientUrl, patient(s.pid), 'conditional-update')];

  let encounterUrl: string | undefined;
  // as the mapping's "only when PV1": a PV1 with no fields at all gives no Encounter
  if (s.pv1 !== undefined && Object.keys(s.pv1).length > 0) {
    encounterUrl = fullUrl(seed, 'encounter', 0);
    entries.push(entry(encounterUrl, encounter(s.pv1, s.pv2, s.msh, patientUrl), 'conditional-update'));
  }
  s.nk1.forEach((nk1, i) =>
    entries.push(entry(fullUrl(seed, 'relatedPerson', i), relatedPerson(nk1, patientUrl))),
  );
  s.al1.forEach((al1, i) => entries.push(entry(fullUrl(seed, 'allergy', i), allergy(al1, patientUrl))));
  s.dg1.forEach((dg1, i) =>
    entries.push(entry(fullUrl(seed, 'condition', i), condition(dg1, patientUrl, encounterUrl))),
  );
  s.in1.forEach((in1, i) => {
    if (!namesInsurer(in1)) return;
    const insurerUrl = fullUrl(seed, 'insurer', i);
    entries.push(
      entry(fullUrl(seed, 'coverage', i), coverage(in1, patientUrl, insurerUrl)),
      entry(insurerUrl, insurer(in1), 'conditional-create'),
    );
  });
  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}
