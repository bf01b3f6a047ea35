export * from './mapping-folder';
export * from './folder-format';
export { canonicalJsonText } from './canonical-json';
export * from './database';
