import type { PreviewLocation } from '../preview/preview-types';

/** Where an issue is, in the analyst's terms: `PID-8.1`, `line 3, column 7`, `character 12`. */
export function describeLocation(at: PreviewLocation): string {
  const parts: string[] = [];
  if (at.segment)
    parts.push(
      at.field === undefined
        ? `segment ${at.segment}`
        : `${at.segment}-${at.field}${at.component === undefined ? '' : `.${at.component}`}`,
    );
  if (at.line !== undefined)
    parts.push(`line ${at.line}${at.column === undefined ? '' : `, column ${at.column}`}`);
  if (at.path) parts.push(at.path);
  if (at.position !== undefined) parts.push(`character ${at.position + 1}`);
  return parts.join(', ');
}
