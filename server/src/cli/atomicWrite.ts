/**
 * Writing a fixed report: a temporary file in the same folder, then rename, so a reader never
 * sees half a file; and only when the file still holds exactly the bytes that were checked
 * (an editor may have saved in between; its work wins).
 */
import { accessSync, constants, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

export type WriteOutcome = 'written' | 'changed-since-read';

export function writeIfUnchanged(filePath: string, expected: Buffer, next: Buffer): WriteOutcome {
  // Through a symlink, rewrite its target rather than replace the link with a file.
  const target = realpathSync(filePath);
  accessSync(target, constants.W_OK);
  const { mode } = statSync(target);
  const folder = path.dirname(target);
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}-${threadId}-${Date.now().toString(36)}.tally-tmp`);
  writeFileSync(temporary, next, { mode, flag: 'wx' });
  try {
    if (!readFileSync(target).equals(expected)) {
      unlinkSync(temporary);
      return 'changed-since-read';
    }
    renameSync(temporary, target);
    return 'written';
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
    throw error;
  }
}
