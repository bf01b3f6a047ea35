/**
 * Datatype functions throw this when a value is present but cannot be converted (month 13, "abc" as a
 * number, an SN comparator FHIR has no code for). Dropping such values silently would hide bad data in
 * clinical records, so the executor catches it and reports it with the node/field location it knows.
 * A missing or empty value is never an error: it converts to `undefined` and the element is omitted.
 */
export class Hl7DatatypeError extends Error {
  readonly code = 'invalid-value' as const;
  /**
   * The offending input, as received (string or HL7 tree fragment). MAY CONTAIN PHI (a birth date, a
   * name): show it to the analyst, never log it. The message never repeats it.
   */
  readonly value: unknown;
  /** The HL7 datatype (and FHIR target) being converted, e.g. "DTM->dateTime", "NM". */
  readonly datatype: string;
  /** Why the value was refused, without the value: "not an HL7 number (NM)". */
  readonly reason: string;

  /** `reason` must not contain the value: messages end up in logs. The message is `<datatype>: <reason>`. */
  constructor(datatype: string, value: unknown, reason: string) {
    super(`${datatype}: ${reason}`);
    this.name = 'Hl7DatatypeError';
    this.datatype = datatype;
    this.value = value;
    this.reason = reason;
  }
}

export function isHl7DatatypeError(error: unknown): error is Hl7DatatypeError {
  return (
    error instanceof Hl7DatatypeError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { code?: unknown }).code === 'invalid-value' &&
      typeof (error as { datatype?: unknown }).datatype === 'string')
  );
}
