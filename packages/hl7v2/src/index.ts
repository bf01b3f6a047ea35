export { parseHl7, type ParseOptions } from './parse';
export { splitBatch, type BatchMessage, type BatchSplit, type EnvelopeSegment, type Hl7Batch } from './batch';
export { decodeHl7, firstInvalidUtf8, type DecodeResult } from './decode-bytes';
export { type EnvelopeId } from './envelope';
export { toTree, parseToTree, type ParseToTreeResult } from './tree';
export { serializeHl7, fromTree } from './serialize';
export { listLeafValues, type LeafValue } from './leaf-paths';
export {
  describeField,
  describeStructure,
  type ComponentDescription,
  type FieldDescription,
  type StructureDescription,
} from './describe';
export { buildAck, hl7ErrorCodeFor, type AckCode, type AckIssue, type AckOptions } from './ack';
export { unescapeValue, escapeValue } from './escape';
export { DEFAULT_ENCODING } from './encoding';
export { leafText } from './field-access';
export { DICTIONARY_VERSIONS, resolveDictionaryVersion } from './dictionary';
export type * from './types';
