import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { CorpusMessage, ReviewCorpusPort } from '@mapwright/api';
import { listMessageFiles, MESSAGE_EXTENSIONS } from '@mapwright/mapping-files';

/**
 * The review corpus as a folder on the server's disk: every file with an extension of the mapping's format,
 * at any depth, in path order. Re-read on each comparison, so files dropped in are used without a restart.
 */
export function folderCorpus(root: string): ReviewCorpusPort {
  return {
    async messages(format, limit): Promise<CorpusMessage[]> {
      const files = (await listMessageFiles(root, MESSAGE_EXTENSIONS[format])).slice(0, limit);
      const read = await Promise.all(
        files.map(async (file) => {
          // A file that vanished or cannot be read is skipped: the corpus is a sample, not a contract.
          const text = await readFile(file, 'utf8').catch(() => null);
          return text === null ? [] : [{ name: relative(root, file).split('\\').join('/'), text }];
        }),
      );
      return read.flat();
    },
  };
}
