export * from './nodes';
export * from './mapping';
