// The trimmed R4 StructureDefinition bundles, emitted by the `mapwright-r4-definitions` plugin in
// apps/studio/vite.config.ts as their own chunk (types first, then resources).
declare module 'virtual:mapwright/r4-definitions' {
  const bundles: ReturnType<import('@mapwright/fhir').DefinitionSource>;
  export default bundles;
}
