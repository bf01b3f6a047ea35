import {
  describeFolderError,
  exportFolder,
  importFolder,
  readFolderFiles,
  writeFolderFiles,
} from '@mapwright/mapping-files';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ANY_ROLE, EDITOR_ROLES } from '../roles';
import { procedureFor } from '../trpc';

/** The most problems one refusal lists; the count says how many there were. */
const LISTED_PROBLEMS = 10;

const FolderFiles = z
  .array(
    z.object({
      /** Relative to the folder, `/`-separated: `mapping.json`, `samples/a01.hl7`. */
      path: z.string().min(1).max(500),
      content: z.string().max(10_000_000),
    }),
  )
  .max(5_000);

/** A mapping as the files of its folder (the format of mappings/), for a download or a zip. */
export const exportFiles = procedureFor(ANY_ROLE)
  .input(
    z.object({
      mappingId: z.uuid(),
      /** A version number; the latest version when absent. */
      versionNumber: z.int().min(1).optional(),
      /** The unsaved draft instead of a version: what the analyst sees in the editor. */
      draft: z.boolean().optional(),
    }),
  )
  .query(async ({ ctx, input }) => {
    const mapping = await ctx.mappings.get(input.mappingId);
    if (!mapping) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such mapping.' });
    const exported = await exportFolder(ctx, mapping.slug, {
      versionNumber: input.versionNumber,
      draft: input.draft,
    });
    if (!exported.ok)
      throw new TRPCError({
        code: exported.error.code === 'not-found' ? 'NOT_FOUND' : 'BAD_REQUEST',
        message: exported.error.message,
      });
    return {
      slug: mapping.slug,
      versionNumber: exported.versionNumber,
      files: writeFolderFiles(exported.folder),
      problems: exported.problems,
    };
  });

/**
 * Brings a folder's files in: a new slug (the `id` of mapping.json) becomes a mapping, an existing one gets a
 * new version when the graph differs. Files that do not read are refused together, each with where it fails.
 */
export const importFiles = procedureFor(EDITOR_ROLES)
  .input(z.object({ files: FolderFiles }))
  .mutation(async ({ ctx, input }) => {
    const read = readFolderFiles(input.files);
    if (!read.ok) {
      const listed = read.errors.slice(0, LISTED_PROBLEMS).map(describeFolderError);
      const more = read.errors.length - listed.length;
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `The folder was not imported: ${read.errors.length} problem(s). ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
      });
    }
    const report = await importFolder(ctx, read.folder, { actor: ctx.user.email });
    if (!report.ok)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `The folder was not imported: ${report.problems.join('; ')}`,
      });
    return {
      slug: report.slug,
      mappingId: report.mappingId,
      created: report.created,
      versionNumber: report.versionNumber,
      problems: report.problems,
    };
  });
