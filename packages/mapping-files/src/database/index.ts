export { importFolder, type ImportOptions, type ImportReport } from './import-folder';
export { exportFolder, type ExportOptions, type ExportResult } from './export-folder';
export { graphIdentity } from './graph-identity';
export type { FolderRepositories, FolderStore } from './repositories';
