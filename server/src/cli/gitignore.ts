/**
 * `.gitignore` rules as git applies them while walking: every `.gitignore` from the git root
 * (the nearest folder holding `.git`) down to the entry's folder, deeper files overriding
 * outer ones (a `!pattern` may re-include). Outside a repository, the walk root is the top.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';

type Ignore = ignore.Ignore;

function gitRootOf(folder: string): string | undefined {
  let current = folder;
  for (;;) {
    if (existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export class GitIgnore {
  private readonly rules = new Map<string, Ignore | null>();
  private readonly top: string;

  constructor(walkRoot: string) {
    const root = path.resolve(walkRoot);
    this.top = gitRootOf(root) ?? root;
  }

  private rulesOf(folder: string): Ignore | null {
    let rules = this.rules.get(folder);
    if (rules !== undefined) return rules;
    rules = null;
    try {
      rules = ignore().add(readFileSync(path.join(folder, '.gitignore'), 'utf8'));
    } catch {
      // no .gitignore here (or unreadable: then nothing is ignored by it)
    }
    this.rules.set(folder, rules);
    return rules;
  }

  /** Folders from the top down to (and including) `folder`; empty when `folder` is outside the top. */
  private chain(folder: string): string[] {
    const relative = path.relative(this.top, folder);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return [];
    const folders = [this.top];
    let current = this.top;
    for (const part of relative.split(path.sep).filter(Boolean)) {
      current = path.join(current, part);
      folders.push(current);
    }
    return folders;
  }

  isIgnored(absolutePath: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const folder of this.chain(path.dirname(absolutePath))) {
      const rules = this.rulesOf(folder);
      if (!rules) continue;
      const relative = path.relative(folder, absolutePath).split(path.sep).join('/') + (isDirectory ? '/' : '');
      const verdict = rules.test(relative);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }
}
