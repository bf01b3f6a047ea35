/**
 * The functions a transform expression can call, for completion, hover and the "unknown variable" check.
 * Engine entries are checked against the engine's registrations by jsonata-functions.test.ts, so this
 * list cannot drift from what a mapping run really provides.
 */
export type FunctionGroup =
  /** JSONata 2 built-ins. */
  | 'jsonata'
  /** HL7 v2 datatype -> FHIR datatype helpers (@mapwright/engine datatypes). */
  | 'datatype'
  /** Terminology lookup; lookup nodes compile to it. */
  | 'terminology'
  /** Helpers the generated program uses; callable, but not offered in completion. */
  | 'engine';

export interface FunctionDoc {
  /** Name without `$`. */
  name: string;
  /** How it is called, as shown in completion and hover. */
  signature: string;
  doc: string;
  group: FunctionGroup;
}

const f = (group: FunctionGroup, name: string, signature: string, doc: string): FunctionDoc => ({
  name,
  signature,
  doc,
  group,
});
const js = (name: string, signature: string, doc: string) => f('jsonata', name, signature, doc);
const dt = (name: string, signature: string, doc: string) => f('datatype', name, signature, doc);

const DATATYPE: FunctionDoc[] = [
  dt(
    'toDate',
    '$toDate(value)',
    'HL7 DT/DTM/TS -> FHIR date (1980, 1980-01, 1980-01-01); a time is dropped.',
  ),
  dt(
    'toDateTime',
    '$toDateTime(value)',
    'HL7 DTM/TS/DT -> FHIR dateTime, precision kept; the mapping default time zone fills a missing offset.',
  ),
  dt('toInstant', '$toInstant(value)', 'HL7 DTM/TS -> FHIR instant; needs at least minutes.'),
  dt(
    'toHumanName',
    '$toHumanName(xpn)',
    'HL7 XPN -> HumanName[], one per non-empty repetition (family, given, prefix, suffix, use, period).',
  ),
  dt(
    'toAddress',
    '$toAddress(xad)',
    'HL7 XAD -> Address[], one per repetition (line, city, state, postalCode, country, use, type).',
  ),
  dt(
    'toIdentifier',
    '$toIdentifier(cx)',
    'HL7 CX -> Identifier[], one per repetition; system and assigner from CX.4, type from CX.5.',
  ),
  dt(
    'toCodeableConcept',
    '$toCodeableConcept(cwe)',
    'HL7 CWE/CE/CNE -> CodeableConcept from the first non-empty repetition (all coding triplets, text).',
  ),
  dt(
    'toCoding',
    '$toCoding(cwe)',
    'HL7 CWE/CE/CNE -> Coding from the first triplet (the alternate if it has no code).',
  ),
  dt(
    'toContactPoint',
    '$toContactPoint(xtn)',
    'HL7 XTN -> ContactPoint[], one per repetition (phone or e-mail, use, rank).',
  ),
  dt(
    'toPractitioner',
    '$toPractitioner(xcn)',
    'HL7 XCN -> { identifier, name, qualification } for a Practitioner, from the first repetition.',
  ),
  dt(
    'toQuantity',
    '$toQuantity(value[, units])',
    'HL7 NM/CQ/SN (+ CWE units) -> Quantity; SN comparators <, <=, >=, > are kept.',
  ),
  dt('toRange', '$toRange(value[, units])', 'HL7 SN range (^10^-^20) -> Range.'),
  dt('toRatio', '$toRatio(value[, units])', 'HL7 SN ratio (^1^:^128) -> Ratio; units go on the numerator.'),
  dt('toBoolean', '$toBoolean(value)', 'HL7 ID (table 0136) Y/N -> boolean.'),
  dt('toDecimal', '$toDecimal(value)', 'HL7 NM -> decimal.'),
];

const TERMINOLOGY: FunctionDoc[] = [
  f(
    'terminology',
    'translate',
    '$translate(code, conceptMap, policy, output, nodeId)',
    'Translates a code (or CWE) through a ConceptMap. A lookup node writes this call for you: prefer one.',
  ),
];

const ENGINE: FunctionDoc[] = [
  f('engine', 'uuid', '$uuid(targetId, key)', 'Stable urn:uuid for a target resource (generated program).'),
  f(
    'engine',
    'entry',
    '$entry(targetId, fullUrl, resource[, identity])',
    'Builds a Bundle entry (generated program).',
  ),
  f(
    'engine',
    'ref',
    '$ref(entries, targetId)',
    'Reference to the entry made by a target (generated program).',
  ),
  f(
    'engine',
    'refs',
    '$refs(entries, targetId)',
    'References to every entry made by a target (generated program).',
  ),
];

const JSONATA: FunctionDoc[] = [
  js('sum', '$sum(array)', 'Sum of an array of numbers.'),
  js('count', '$count(array)', 'Number of items in an array.'),
  js('max', '$max(array)', 'Largest number in an array.'),
  js('min', '$min(array)', 'Smallest number in an array.'),
  js('average', '$average(array)', 'Mean of an array of numbers.'),
  js('string', '$string(arg[, prettify])', 'Casts to a string; objects and arrays become JSON.'),
  js(
    'substring',
    '$substring(str, start[, length])',
    'Part of a string from start (0-based, negative from the end).',
  ),
  js(
    'substringBefore',
    '$substringBefore(str, chars)',
    'The part of str before the first occurrence of chars.',
  ),
  js('substringAfter', '$substringAfter(str, chars)', 'The part of str after the first occurrence of chars.'),
  js('lowercase', '$lowercase(str)', 'Lower-case copy of a string.'),
  js('uppercase', '$uppercase(str)', 'Upper-case copy of a string.'),
  js('length', '$length(str)', 'Number of characters in a string.'),
  js('trim', '$trim(str)', 'Removes leading and trailing whitespace and collapses inner runs to one space.'),
  js('pad', '$pad(str, width[, char])', 'Pads to width: on the right if width > 0, on the left if < 0.'),
  js('match', '$match(str, pattern[, limit])', 'Regex matches as objects { match, index, groups }.'),
  js('contains', '$contains(str, pattern)', 'True if str contains pattern (a string or a regex).'),
  js('replace', '$replace(str, pattern, replacement[, limit])', 'Replaces occurrences of a string or regex.'),
  js('split', '$split(str, separator[, limit])', 'Splits a string into an array on a string or regex.'),
  js('join', '$join(array[, separator])', 'Joins an array of strings with an optional separator.'),
  js(
    'formatNumber',
    '$formatNumber(number, picture[, options])',
    'Formats a number with an XPath picture string.',
  ),
  js('formatBase', '$formatBase(number[, radix])', 'Integer as a string in the given radix (2-36).'),
  js(
    'formatInteger',
    '$formatInteger(number, picture)',
    'Integer as words, roman numerals or a digit picture.',
  ),
  js('parseInteger', '$parseInteger(string, picture)', 'Parses an integer written with a picture string.'),
  js('number', '$number(arg)', 'Casts a string or boolean to a number.'),
  js('floor', '$floor(number)', 'Rounds down to the integer below.'),
  js('ceil', '$ceil(number)', 'Rounds up to the integer above.'),
  js('round', '$round(number[, precision])', 'Rounds half to even, to precision decimal places.'),
  js('abs', '$abs(number)', 'Absolute value.'),
  js('sqrt', '$sqrt(number)', 'Square root.'),
  js('power', '$power(base, exponent)', 'base raised to exponent.'),
  js('random', '$random()', 'Pseudo-random number in [0, 1).'),
  js('boolean', '$boolean(arg)', 'Casts to a boolean with JSONata truthiness.'),
  js('not', '$not(arg)', 'Logical negation of the boolean cast of arg.'),
  js('map', '$map(array, function)', 'Applies function($v, $i, $a) to each item and returns the results.'),
  js('zip', '$zip(array1, ...)', 'Convolves arrays: [[a1, b1], [a2, b2], ...].'),
  js('filter', '$filter(array, function)', 'Items for which function($v, $i, $a) is truthy.'),
  js(
    'single',
    '$single(array[, function])',
    'The one item that satisfies function; an error if not exactly one.',
  ),
  js('reduce', '$reduce(array, function[, init])', 'Folds the array with function($acc, $v).'),
  js(
    'sift',
    '$sift(object, function)',
    'The key/value pairs of an object for which function($v, $k) is truthy.',
  ),
  js('keys', '$keys(object)', 'The keys of an object (or the union over an array of objects).'),
  js('lookup', '$lookup(object, key)', 'The value of key in object.'),
  js('append', '$append(array1, array2)', 'Concatenates two arrays (or values).'),
  js('exists', '$exists(arg)', 'True if arg evaluates to a value.'),
  js('spread', '$spread(object)', 'Splits an object into an array of single-key objects.'),
  js('merge', '$merge(array<object>)', 'Merges an array of objects into one; later keys win.'),
  js('reverse', '$reverse(array)', 'The array in reverse order.'),
  js('each', '$each(object, function)', 'Applies function($v, $k) to each key/value pair of an object.'),
  js('error', '$error(message)', 'Throws an error with the message.'),
  js('assert', '$assert(condition, message)', 'Throws the message when condition is false.'),
  js('type', '$type(value)', "The value's type: null, number, string, boolean, array, object or function."),
  js('sort', '$sort(array[, function])', 'Sorted copy; function($l, $r) returns true when $l goes after $r.'),
  js('shuffle', '$shuffle(array)', 'The array in random order.'),
  js('distinct', '$distinct(array)', 'The array without duplicates.'),
  js('base64encode', '$base64encode(str)', 'Base64-encodes a string.'),
  js('base64decode', '$base64decode(str)', 'Decodes a base64 string.'),
  js('encodeUrlComponent', '$encodeUrlComponent(str)', 'Percent-encodes a URL component.'),
  js('encodeUrl', '$encodeUrl(str)', 'Percent-encodes a whole URL.'),
  js('decodeUrlComponent', '$decodeUrlComponent(str)', 'Decodes a percent-encoded URL component.'),
  js('decodeUrl', '$decodeUrl(str)', 'Decodes a percent-encoded URL.'),
  js('eval', '$eval(expr[, context])', 'Evaluates a JSONata expression given as a string.'),
  js(
    'toMillis',
    '$toMillis(timestamp[, picture])',
    'ISO 8601 timestamp (or one matching picture) -> milliseconds.',
  ),
  js(
    'fromMillis',
    '$fromMillis(number[, picture[, timezone]])',
    'Milliseconds -> ISO 8601 (or picture) timestamp.',
  ),
  js('clone', '$clone(value)', 'Deep copy of a value.'),
  js('now', '$now([picture[, timezone]])', 'The evaluation start time as an ISO 8601 timestamp.'),
  js('millis', '$millis()', 'The evaluation start time in milliseconds since the epoch.'),
];

export const JSONATA_FUNCTIONS: readonly FunctionDoc[] = [...DATATYPE, ...TERMINOLOGY, ...JSONATA, ...ENGINE];

const byName = new Map(JSONATA_FUNCTIONS.map((fn) => [fn.name, fn]));

/** The catalogue entry for a function name without `$`. */
export const functionDoc = (name: string): FunctionDoc | undefined => byName.get(name);

/**
 * Variables the generated program binds around every transform (see the engine's emit-program.ts):
 * `$msg` is the message root, also inside a for-each.
 */
export const ENGINE_VARIABLES: readonly string[] = ['msg'];

/**
 * Per-target bindings of the generated program: `$<target>_item` (the for-each item, e.g.
 * `$report_item.OBR.F3`), `$<target>_key` and `$<target>_url`.
 */
export const ENGINE_VARIABLE_PATTERN = /^[A-Za-z][A-Za-z0-9_]*_(item|key|url)$/;
