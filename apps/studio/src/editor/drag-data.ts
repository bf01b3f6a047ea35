import { z } from 'zod';

/** What a source tree row carries when dragged: the engine path it reads and a readable label. */
const SourceDrag = z.object({
  path: z.string().min(1),
  label: z.string(),
  repeating: z.boolean().default(false),
});
export type SourceDrag = z.infer<typeof SourceDrag>;

export const SOURCE_DRAG_TYPE = 'application/x-mapwright-source';

export function writeSourceDrag(transfer: DataTransfer, field: SourceDrag): void {
  transfer.setData(SOURCE_DRAG_TYPE, JSON.stringify(field));
  transfer.setData('text/plain', field.path);
  transfer.effectAllowed = 'copy';
}

/** Null for anything that is not a source row (files, text from elsewhere). */
export function readSourceDrag(transfer: DataTransfer): SourceDrag | null {
  const raw = transfer.getData(SOURCE_DRAG_TYPE);
  if (!raw) return null;
  try {
    const parsed = SourceDrag.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
