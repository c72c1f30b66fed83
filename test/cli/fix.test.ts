/**
 * --fix writes the preferred fixes in place (and is idempotent); --fix-dry-run prints the
 * patch and writes nothing; a file changed behind our back is never overwritten.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeIfUnchanged } from '../../server/src/cli/atomicWrite';
import { buildOnce, cleanup, copySample, runCli, tempDir, TINY_FIXED, TINY_REPORT } from './helpers';

// Each case runs the CLI as a process; a loaded machine needs generous limits.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 600_000 });

let dir: string;

beforeAll(() => {
  buildOnce();
  dir = tempDir();
});

afterAll(() => cleanup(dir));

describe('--fix', () => {
  it('fixes the tiny report in place, reports the lines, and a second run changes nothing', () => {
    const file = path.join(dir, 'tiny.md');
    writeFileSync(file, TINY_REPORT);
    const first = runCli(['check', 'tiny.md', '--fix'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('tiny.md: 已修复 1 处（第 11 行）');
    expect(first.stdout).toMatch(/，已修复 1 处\n$/);
    expect(readFileSync(file, 'utf8')).toBe(TINY_FIXED);
    const second = runCli(['check', 'tiny.md', '--fix', '--lang', 'en'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('fix');
    expect(readFileSync(file, 'utf8')).toBe(TINY_FIXED);
  });

  it('keeps a UTF-8 BOM and CRLF line endings', () => {
    const file = path.join(dir, 'crlf.md');
    writeFileSync(file, '\uFEFF' + TINY_REPORT.replace(/\n/g, '\r\n'));
    expect(runCli(['check', 'crlf.md', '--fix'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('\uFEFF' + TINY_FIXED.replace(/\n/g, '\r\n'));
  });

  it('fixes the seed report: 表 3-4 合计 18.73 becomes 18.72 and the text reads 18.72 too; idempotent', () => {
    const file = copySample('seed-report.md', dir);
    const before = readFileSync(file, 'utf8');
    const run = runCli(['check', 'seed-report.md', '--fix'], { cwd: dir });
    expect(run.stdout).toMatch(/^seed-report\.md: 已修复 \d+ 处（第 .*579.*行）$/m);
    const after = readFileSync(file, 'utf8');
    expect(before).toContain('| 合计 | | | 20 | | 20 | | 20 | 18.73 |');
    expect(after).toContain('| 合计 | | | 20 | | 20 | | 20 | 18.72 |');
    expect(after).toContain('实际得分 18.72 分');
    const again = runCli(['check', 'seed-report.md', '--fix'], { cwd: dir });
    expect(again.stdout).not.toContain('已修复');
    expect(readFileSync(file, 'utf8')).toBe(after);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff on stdout, the report on stderr, and writes nothing', () => {
    const file = path.join(dir, 'dry.md');
    writeFileSync(file, TINY_REPORT);
    const run = runCli(['check', 'dry.md', '--fix-dry-run'], { cwd: dir });
    expect(run.stdout).toBe(
      [
        '--- a/dry.md',
        '+++ b/dry.md',
        '@@ -8,4 +8,4 @@',
        ' | | | | | 立项程序规范性 | 5 | 4.5 |',
        ' | | | 绩效目标 | 10 | 绩效目标合理性 | 5 | 5 |',
        ' | | | | | 绩效指标明确性 | 5 | 4 |',
        '-| 合计 | | | 20 | | 20 | 18.6 |',
        '+| 合计 | | | 20 | | 20 | 18.5 |',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toContain('dry.md: 可修复 1 处（第 11 行）');
    expect(readFileSync(file, 'utf8')).toBe(TINY_REPORT);
  });
});

describe('writeIfUnchanged', () => {
  it('writes through a temporary file when the content is as read', () => {
    const file = path.join(dir, 'atomic.md');
    writeFileSync(file, 'old');
    expect(writeIfUnchanged(file, Buffer.from('old'), Buffer.from('new'))).toBe('written');
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('refuses when the file changed since it was read, and leaves no temporary file', () => {
    const file = path.join(dir, 'raced.md');
    writeFileSync(file, 'edited by someone else');
    expect(writeIfUnchanged(file, Buffer.from('as read'), Buffer.from('fixed'))).toBe('changed-since-read');
    expect(readFileSync(file, 'utf8')).toBe('edited by someone else');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tally-tmp'))).toEqual([]);
  });
});
