export * from './mapping-folder';
