/** The FHIR R4 datatype shapes these functions produce (only the elements they fill). */

export interface Extension {
  url: string;
  valueString?: string;
  valueCode?: string;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface HumanName {
  use?: string;
  family?: string;
  _family?: { extension: Extension[] };
  given?: string[];
  prefix?: string[];
  suffix?: string[];
  period?: Period;
}

export interface Address {
  use?: string;
  type?: string;
  line?: string[];
  city?: string;
  district?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  period?: Period;
}

export interface Identifier {
  extension?: Extension[];
  type?: CodeableConcept;
  system?: string;
  value?: string;
  period?: Period;
  assigner?: { display: string };
}

export interface ContactPoint {
  system?: string;
  value?: string;
  use?: string;
  rank?: number;
  period?: Period;
}

export interface Quantity {
  value?: number;
  comparator?: '<' | '<=' | '>=' | '>';
  unit?: string;
  system?: string;
  code?: string;
}

export interface Range {
  low?: Quantity;
  high?: Quantity;
}

export interface Ratio {
  numerator?: Quantity;
  denominator?: Quantity;
}

export interface PractitionerParts {
  identifier?: Identifier;
  name?: HumanName;
  qualification?: { code: CodeableConcept }[];
}
