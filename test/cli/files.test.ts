/**
 * Which files `tally check` reads (folders, .gitignore, globs, symlinks), in which order, and
 * how it treats bad input: missing paths, empty folders, binary, huge, invalid UTF-8.
 */
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOnce, cleanup, CLEAN_REPORT, runCli, tempDir, TINY_REPORT } from './helpers';

// Each case runs the CLI as a process; a loaded machine needs generous limits.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 600_000 });

let dir: string;

function write(relative: string, content: string | Buffer): void {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function checkedPaths(args: string[]): string[] {
  const run = runCli(['check', ...args, '--format', 'json'], { cwd: dir });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout).files.map((file: { path: string }) => file.path);
}

beforeAll(() => {
  buildOnce();
  dir = tempDir();
  mkdirSync(path.join(dir, '.git'));
  write('.gitignore', 'drafts/\n*.tmp.md\n');
  write('reports/a.md', CLEAN_REPORT);
  write('reports/b.markdown', CLEAN_REPORT);
  write('reports/notes.txt', CLEAN_REPORT);
  write('reports/old.tmp.md', CLEAN_REPORT);
  write('reports/sub/c.md', TINY_REPORT);
  write('reports/sub/.gitignore', 'skip.md\n');
  write('reports/sub/skip.md', CLEAN_REPORT);
  write('reports/node_modules/pkg/readme.md', CLEAN_REPORT);
  write('reports/.hidden/h.md', CLEAN_REPORT);
  write('drafts/d.md', CLEAN_REPORT);
  // A symlink loop and a second name for the same file.
  symlinkSync('..', path.join(dir, 'reports/sub/loop'));
  symlinkSync('a.md', path.join(dir, 'reports/alias.md'));
  mkdirSync(path.join(dir, 'empty/deeper'), { recursive: true });
  write('empty/deeper/readme.txt', 'not a report');
});

afterAll(() => cleanup(dir));

describe('discovery', () => {
  it('walks folders for Markdown only, honouring .gitignore at every level, skipping node_modules, dot-folders and loops', () => {
    expect(checkedPaths(['.'])).toEqual(['reports/a.md', 'reports/b.markdown', 'reports/sub/c.md']);
  });

  it('checks a file named explicitly even when ignored, once per real file', () => {
    expect(checkedPaths(['drafts/d.md', 'reports/a.md', 'reports/alias.md', 'reports/notes.txt'])).toEqual(['drafts/d.md', 'reports/a.md', 'reports/notes.txt']);
  });

  it('matches globs with *, ** and ?', () => {
    expect(checkedPaths(['reports/*.md'])).toEqual(['reports/a.md']);
    expect(checkedPaths(['reports/**/?.md'])).toEqual(['reports/a.md', 'reports/sub/c.md']);
    expect(checkedPaths(['**/*.txt'])).toEqual(['empty/deeper/readme.txt', 'reports/notes.txt']);
    expect(checkedPaths(['reports/**'])).toEqual(['reports/a.md', 'reports/b.markdown', 'reports/sub/c.md']);
  });

  it('prints files in sorted order whatever the number of worker threads', () => {
    for (let i = 9; i >= 0; i--) write(`many/r${i}.md`, i % 2 ? TINY_REPORT : CLEAN_REPORT);
    const parallel = runCli(['check', 'many', '--jobs', '4'], { cwd: dir });
    const serial = runCli(['check', 'many', '--jobs', '1'], { cwd: dir });
    expect(parallel.code).toBe(1);
    const strip = (text: string) => text.replace(/（\d+ ms）/, '');
    expect(strip(parallel.stdout)).toBe(strip(serial.stdout));
    const headers = parallel.stdout.split('\n').filter((line) => /^many\/r\d\.md {2}\(/.test(line));
    expect(headers.map((line) => line.slice(0, 10))).toEqual(['many/r1.md', 'many/r3.md', 'many/r5.md', 'many/r7.md', 'many/r9.md']);
  });
});

describe('bad input', () => {
  it('a missing path: exit 2, one line', () => {
    const run = runCli(['check', 'nope.md'], { cwd: dir });
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: 'tally: 找不到 nope.md。\n' });
    expect(runCli(['check', 'nope.md', '--lang', 'en'], { cwd: dir }).stderr).toBe('tally: nope.md not found.\n');
  });

  it('a folder without reports, or a glob matching nothing: exit 2', () => {
    expect(runCli(['check', 'empty'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'tally: 文件夹 empty 中没有 Markdown 报告（.md、.markdown）。\n' });
    expect(runCli(['check', 'reports/*.docx'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'tally: 没有文件匹配 reports/*.docx。\n' });
  });

  it('a binary file is skipped with a notice (exit 2); the other files are still checked', () => {
    write('bad/binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    write('bad/ok.md', TINY_REPORT);
    const run = runCli(['check', 'bad/binary.md', 'bad/ok.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('tally: bad/binary.md: 这是二进制文件（含 NUL 字节），不是 Markdown 报告，已跳过。\n');
    expect(run.stdout).toContain('bad/ok.md:11:24');
  });

  it('invalid UTF-8 is read with replacement characters and a warning', () => {
    write('bad/latin1.md', Buffer.concat([Buffer.from(CLEAN_REPORT), Buffer.from([0xe9, 0x0a])]));
    const run = runCli(['check', 'bad/latin1.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('tally: bad/latin1.md: 文件含无效的 UTF-8 字节，已按替换字符（�）读取。\n');
  });

  it('a 20 MB report is checked up to the core size limit, with a notice finding', () => {
    const filler = '正文段落。'.repeat(20).concat('\n\n');
    write('big/large.md', TINY_REPORT + filler.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(filler))));
    const run = runCli(['check', 'big/large.md', '--lang', 'en'], { cwd: dir });
    expect(run.stdout).toMatch(/big\/large\.md:1:1 +info +document-too-large +The document is too large/);
    expect(run.stdout).toContain('big/large.md:11:24');
  });

  it('a file over 64 MB is never read: exit 2 with a notice', () => {
    write('huge/huge.md', '');
    truncateSync(path.join(dir, 'huge/huge.md'), 65 * 1024 * 1024);
    const run = runCli(['check', 'huge/huge.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('tally: huge/huge.md: 文件过大（65.0 MB，上限 64 MB），已跳过。\n');
  });
});
