import { hl7Functions, type Hl7FunctionOptions } from '../datatypes';
import type { Mapping } from '../model';
import type { RegisteredFunction } from '../runtime/helper-functions';

/**
 * The HL7 datatype helpers ($toDate, $toHumanName, ...) from ../datatypes, configured by the mapping's
 * settings. Throws RangeError for an unknown time zone (the compiler reports it on settings.defaultTimeZone).
 */
export function extensionFunctions(mapping: Mapping): Record<string, RegisteredFunction> {
  const { defaultTimeZone, localCodeSystemBase, localIdentifierSystemBase } = mapping.settings;
  const options: Hl7FunctionOptions = {};
  if (defaultTimeZone !== undefined) options.defaultTimeZone = defaultTimeZone;
  if (localCodeSystemBase !== undefined) options.localCodeSystemBase = localCodeSystemBase;
  if (localIdentifierSystemBase !== undefined) options.localIdentifierSystemBase = localIdentifierSystemBase;
  return hl7Functions(options) as Record<string, RegisteredFunction>;
}
