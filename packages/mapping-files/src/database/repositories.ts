import {
  createConceptMapRepository,
  createMappingRepository,
  createSampleRepository,
  createTestCaseRepository,
  type ConceptMapRepository,
  type Database,
  type MappingRepository,
  type SampleRepository,
  type TestCaseRepository,
} from '@mapwright/db';

/** The repositories the folder code reads and writes through (an API context has them). */
export interface FolderRepositories {
  mappings: MappingRepository;
  samples: SampleRepository;
  testCases: TestCaseRepository;
  conceptMaps: ConceptMapRepository;
}

/** An open database (the CLI, start-up loading) or the repositories of a request context (the API). */
export type FolderStore = Database | FolderRepositories;

export function repositoriesOf(store: FolderStore): FolderRepositories {
  if (!('prisma' in store)) return store;
  return {
    mappings: createMappingRepository(store.prisma),
    samples: createSampleRepository(store.prisma),
    testCases: createTestCaseRepository(store.prisma),
    conceptMaps: createConceptMapRepository(store.prisma),
  };
}
