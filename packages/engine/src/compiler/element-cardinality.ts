/**
 * Whether a FHIR element holds a list (max `*`). The compiler wraps list elements in `[ ]` because a
 * one-item JSONata sequence collapses to a plain value. packages/fhir's `elementInfo` is the real answer;
 * this table of R4 list elements of the resources and datatypes the example mappings use is the fallback
 * until a caller passes `elementInfo` to the compiler.
 */
export type IsListElement = (resourceType: string, dottedPath: string) => boolean;

const everywhere = new Set(['extension', 'modifierExtension', 'identifier', 'contained']);

/** Lists inside datatypes, keyed by the element name (the same in every datatype that has it). */
const datatypeLists = new Set(['given', 'prefix', 'suffix', 'line', 'coding', 'telecom', 'address']);

const resourceLists: Record<string, string[]> = {
  Patient: [
    'name',
    'telecom',
    'address',
    'contact',
    'communication',
    'generalPractitioner',
    'link',
    'photo',
    'contact.relationship',
    'contact.telecom',
  ],
  RelatedPerson: ['relationship', 'name', 'telecom', 'address', 'photo', 'communication'],
  Practitioner: ['name', 'telecom', 'address', 'qualification', 'communication', 'photo'],
  Organization: ['type', 'name', 'telecom', 'address', 'alias', 'contact', 'endpoint'],
  Encounter: [
    'statusHistory',
    'classHistory',
    'type',
    'episodeOfCare',
    'basedOn',
    'participant',
    'participant.type',
    'appointment',
    'reasonCode',
    'reasonReference',
    'diagnosis',
    'account',
    'location',
    'hospitalization.dietPreference',
    'hospitalization.specialCourtesy',
    'hospitalization.specialArrangement',
  ],
  Observation: [
    'basedOn',
    'partOf',
    'category',
    'focus',
    'performer',
    'interpretation',
    'note',
    'referenceRange',
    'hasMember',
    'derivedFrom',
    'component',
    'component.interpretation',
    'component.referenceRange',
    'referenceRange.appliesTo',
  ],
  DiagnosticReport: [
    'basedOn',
    'category',
    'performer',
    'resultsInterpreter',
    'specimen',
    'result',
    'imagingStudy',
    'media',
    'conclusionCode',
    'presentedForm',
  ],
  Specimen: [
    'request',
    'parent',
    'processing',
    'container',
    'condition',
    'note',
    'collection.bodySite.coding',
  ],
  ServiceRequest: [
    'instantiatesCanonical',
    'instantiatesUri',
    'basedOn',
    'replaces',
    'category',
    'orderDetail',
    'performer',
    'locationCode',
    'locationReference',
    'reasonCode',
    'reasonReference',
    'insurance',
    'supportingInfo',
    'specimen',
    'bodySite',
    'note',
    'relevantHistory',
  ],
  Immunization: [
    'performer',
    'note',
    'reasonCode',
    'reasonReference',
    'reaction',
    'protocolApplied',
    'programEligibility',
    'subpotentReason',
    'education',
    'protocolApplied.targetDisease',
  ],
  AllergyIntolerance: ['category', 'reaction', 'note', 'reaction.manifestation', 'reaction.note'],
  Condition: ['category', 'bodySite', 'stage', 'evidence', 'note'],
  Coverage: ['payor', 'class', 'costToBeneficiary', 'contract'],
  MedicationRequest: [
    'category',
    'supportingInformation',
    'reasonCode',
    'reasonReference',
    'basedOn',
    'insurance',
    'note',
    'dosageInstruction',
    'detectedIssue',
    'eventHistory',
  ],
  Procedure: [
    'basedOn',
    'partOf',
    'performer',
    'reasonCode',
    'reasonReference',
    'bodySite',
    'report',
    'complication',
    'followUp',
    'note',
    'usedCode',
  ],
  Location: ['alias', 'type', 'telecom'],
};

const resourceListSet = new Map(Object.entries(resourceLists).map(([type, paths]) => [type, new Set(paths)]));

export const fallbackIsListElement: IsListElement = (resourceType, dottedPath) => {
  const last = dottedPath.slice(dottedPath.lastIndexOf('.') + 1);
  if (everywhere.has(last)) return true;
  const lists = resourceListSet.get(resourceType);
  if (lists?.has(dottedPath)) return true;
  // Top-level names are resource elements; deeper names are usually datatype elements.
  return dottedPath.includes('.') && datatypeLists.has(last);
};
