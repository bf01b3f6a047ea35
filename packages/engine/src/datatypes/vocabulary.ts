import { bundledTerminology } from '../terminology/bundled-maps';

/** Target code of a v2 table value via the bundled ConceptMaps (same maps the analysts see). */
export function mapCode(
  mapId: string,
  code: string | undefined,
): { code: string; system?: string; display?: string } | undefined {
  if (code === undefined) return undefined;
  const result = bundledTerminology().translate(mapId, code);
  return result.found ? result : undefined;
}
