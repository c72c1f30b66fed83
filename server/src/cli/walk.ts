/**
 * Walking a folder for reports: skips node_modules, dot-folders and what .gitignore excludes;
 * follows symlinks but visits each real folder once (so a link loop ends).
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { GitIgnore } from './gitignore';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];

export function isMarkdown(filePath: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(path.extname(filePath).toLowerCase());
}

function kindOf(folder: string, entry: Dirent): 'file' | 'directory' | undefined {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (!entry.isSymbolicLink()) return undefined;
  try {
    const stat = statSync(path.join(folder, entry.name));
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : undefined;
  } catch {
    return undefined; // a dangling link
  }
}

/** Every file under `root` that `accept` takes, as absolute paths (unsorted). */
export function walkFiles(root: string, accept: (absolutePath: string) => boolean): string[] {
  const gitignore = new GitIgnore(root);
  const visited = new Set<string>();
  const files: string[] = [];
  const pending = [path.resolve(root)];
  while (pending.length > 0) {
    const folder = pending.pop() as string;
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(folder);
      if (visited.has(real)) continue;
      visited.add(real);
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing to check in it
    }
    for (const entry of entries) {
      const kind = kindOf(folder, entry);
      const full = path.join(folder, entry.name);
      if (kind === 'directory') {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        if (!gitignore.isIgnored(full, true)) pending.push(full);
      } else if (kind === 'file' && accept(full) && !gitignore.isIgnored(full, false)) {
        files.push(full);
      }
    }
  }
  return files;
}
