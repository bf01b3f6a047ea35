import { readFile, stat } from 'node:fs/promises';
import { relative } from 'node:path';
import type { CorpusMessage, ReviewCorpusPort } from '@mapwright/api';
import { inputMessages } from '@mapwright/engine';
import { listMessageFiles, MESSAGE_EXTENSIONS } from '@mapwright/mapping-files';

/** A message file bigger than this is not one message but a dump; it is left out of reviews. */
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/**
 * The review corpus as a folder on the server's disk: every file with an extension of the mapping's format,
 * at any depth, in path order. Re-read on each comparison, so files dropped in are used without a restart.
 */
export function folderCorpus(root: string): ReviewCorpusPort {
  return {
    async messages(format, limit): Promise<CorpusMessage[]> {
      const files = (await listMessageFiles(root, MESSAGE_EXTENSIONS[format])).slice(0, limit);
      const read = await Promise.all(
        files.map(async (file): Promise<CorpusMessage[]> => {
          // A file that vanished, cannot be read or is far bigger than a message is skipped: the corpus
          // is a sample, not a contract. Files are decoded as samples are (MSH-18) and batches split.
          const size = await stat(file).then(
            (s) => s.size,
            () => Infinity,
          );
          if (size > MAX_MESSAGE_BYTES) return [];
          const bytes = await readFile(file).catch(() => null);
          if (bytes === null) return [];
          const name = relative(root, file).split('\\').join('/');
          const decoded = inputMessages(bytes, format);
          // undecodable: compared as it is, so the review shows it failing in both versions
          if (!decoded.ok) return [{ name, text: bytes.toString('utf8') }];
          return decoded.messages.map((m, i) => ({
            name: decoded.messages.length === 1 ? name : `${name}#${i + 1}`,
            text: m.text,
          }));
        }),
      );
      return read.flat();
    },
  };
}
