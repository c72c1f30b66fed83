/**
 * `tally check` arguments → the files to check: files as named, folders walked for Markdown,
 * globs matched under their literal base. Each real file once; sorted by the shown path so
 * that output order never depends on the file system or on worker timing.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { hasGlobMagic, matchSegments, parseGlob } from './glob';
import { CliError } from './i18n';
import { isMarkdown, walkFiles } from './walk';

export interface InputFile {
  path: string;
  display: string;
}

function statOf(target: string) {
  try {
    return statSync(target);
  } catch {
    return undefined;
  }
}

/** A glob whose last segment names an extension (`*.txt`) takes any file; otherwise Markdown only. */
function namesExtension(segments: readonly string[]): boolean {
  const last = segments[segments.length - 1] ?? '';
  const dot = last.lastIndexOf('.');
  return dot >= 0 && !hasGlobMagic(last.slice(dot));
}

function expandGlob(pattern: string, cwd: string): string[] {
  const glob = parseGlob(pattern);
  const base = path.resolve(cwd, glob.base);
  if (!statOf(base)?.isDirectory()) return [];
  const anyExtension = namesExtension(glob.segments);
  return walkFiles(base, (file) => {
    const relative = path.relative(base, file).split(path.sep);
    return matchSegments(glob.segments, relative) && (anyExtension || isMarkdown(file));
  });
}

function expand(input: string, cwd: string): string[] {
  const absolute = path.resolve(cwd, input);
  const stat = statOf(absolute);
  if (stat?.isFile()) return [absolute];
  if (stat?.isDirectory()) {
    const files = walkFiles(absolute, isMarkdown);
    if (files.length === 0) throw new CliError({ zh: `文件夹 ${input} 中没有 Markdown 报告（.md、.markdown）。`, en: `No Markdown reports (.md, .markdown) in folder ${input}.` });
    return files;
  }
  if (hasGlobMagic(input)) {
    const files = expandGlob(input, cwd);
    if (files.length === 0) throw new CliError({ zh: `没有文件匹配 ${input}。`, en: `No files match ${input}.` });
    return files;
  }
  if (stat) throw new CliError({ zh: `${input} 不是普通文件或文件夹。`, en: `${input} is not a regular file or folder.` });
  throw new CliError({ zh: `找不到 ${input}。`, en: `${input} not found.` });
}

export function displayPath(absolute: string, cwd: string): string {
  return path.relative(cwd, absolute).split(path.sep).join('/');
}

export function discoverFiles(inputs: readonly string[], cwd: string): InputFile[] {
  const byRealPath = new Map<string, InputFile>();
  const files = inputs.flatMap((input) => expand(input, cwd)).map((file) => ({ path: file, display: displayPath(file, cwd) }));
  files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  for (const file of files) {
    let real = file.path;
    try {
      real = realpathSync(file.path);
    } catch {
      // keep the path as given; reading it will report the problem
    }
    if (!byRealPath.has(real)) byRealPath.set(real, file);
  }
  return [...byRealPath.values()];
}
