/**
 * `tally check` as a reviewer runs it: output lines, languages, exit codes, configuration.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOnce, cleanup, CLEAN_REPORT, runCli, tempDir, TINY_REPORT } from './helpers';

let dir: string;

// Each case runs the CLI as a process; a loaded machine needs generous limits.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 600_000 });

beforeAll(() => {
  buildOnce();
  dir = tempDir();
  writeFileSync(path.join(dir, 'tiny.md'), TINY_REPORT);
  writeFileSync(path.join(dir, 'clean.md'), CLEAN_REPORT);
});

afterAll(() => cleanup(dir));

describe('tally check on the seed report', () => {
  it('prints a header, one line per finding with path:line:col, and a summary; exit 1', () => {
    const run = runCli(['check', 'samples/seed-report.md']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^samples\/seed-report\.md {2}\(\d+ 个错误，\d+ 个警告，\d+ 个提示\)$/);
    // The planted total of 表 3-4: 6 + 6 + 3.27 + 3.45 = 18.72, written 18.73 (line 579, column of "18.73").
    expect(lines).toContainEqual(expect.stringMatching(/^samples\/seed-report\.md:579:31 +error +score-sum +表3-4 合计得分 18\.73 与各行之和 18\.72 不一致/));
    const findingLines = lines.filter((line) => line.startsWith('samples/seed-report.md:'));
    for (const line of findingLines) expect(line).toMatch(/^samples\/seed-report\.md:\d+:\d+ +(error|warning|info) +[a-z-]+ +\S/);
    expect(lines[lines.length - 1]).toMatch(/^检查了 1 个文件：\d+ 个错误，\d+ 个警告，\d+ 个提示（\d+ ms）/);
    expect(run.stderr).toBe('');
  });

  it('columns count characters as editors do', () => {
    const run = runCli(['check', 'samples/seed-report.md', '--format', 'json']);
    const finding = JSON.parse(run.stdout).files[0].findings.find((f: { ruleId: string; message: string }) => f.ruleId === 'score-sum' && f.message.includes('18.73'));
    expect(finding.line).toBe(579);
    expect(finding.column).toBe(31);
  });

  it('speaks English with --lang en', () => {
    const run = runCli(['check', 'samples/seed-report.md', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^samples\/seed-report\.md {2}\(\d+ errors?, \d+ warnings?, \d+ infos?\)$/m);
    expect(run.stdout).toMatch(/^1 file checked: \d+ errors?, \d+ warnings?, \d+ infos? \(\d+ ms\)/m);
    expect(run.stdout).not.toMatch(/不一致/);
  });
});

describe('exit codes and filters', () => {
  it('exits 0 on a clean report and prints only the summary', () => {
    const run = runCli(['check', 'clean.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^检查了 1 个文件：0 个错误，0 个警告，0 个提示（\d+ ms）\n$/);
  });

  it('exits 1 on errors, with the finding line', () => {
    const run = runCli(['check', 'tiny.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('tiny.md:11:24  error    score-sum  表1 合计得分 18.6 与各行之和 18.5 不一致');
  });

  it('--rule id=severity changes the severity; warnings over --max-warnings exit 1', () => {
    const asWarning = runCli(['check', 'tiny.md', '--rule', 'score-sum=warning'], { cwd: dir });
    expect(asWarning.code).toBe(0);
    expect(asWarning.stdout).toContain('tiny.md:11:24  warning  score-sum');
    const capped = runCli(['check', 'tiny.md', '--rule', 'score-sum=warning', '--max-warnings', '0'], { cwd: dir });
    expect(capped.code).toBe(1);
    expect(capped.stderr).toContain('警告 1 个，超过 --max-warnings 0');
    const off = runCli(['check', 'tiny.md', '--rule', 'score-sum=off'], { cwd: dir });
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('score-sum');
  });

  it('--quiet reports errors only', () => {
    const run = runCli(['check', 'samples/seed-report.md', '--quiet']);
    expect(run.stdout).toContain(' error ');
    expect(run.stdout).not.toMatch(/ (warning|info) {2,}/);
  });

  it('rejects bad arguments with exit 2 and one line on stderr', () => {
    for (const args of [['check'], ['check', 'tiny.md', '--rule', 'score-sum'], ['check', 'tiny.md', '--rule', 'no-such-rule=error'], ['check', 'tiny.md', '--format', 'xml'], ['check', 'tiny.md', '--bogus'], ['frobnicate'], ['check', 'tiny.md', '--fix', '--fix-dry-run']]) {
      const run = runCli(args, { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).toMatch(/^tally: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('configuration', () => {
  it('reads every .tallyrc.json from the root down; "root": true stops the search', () => {
    const outer = path.join(dir, 'cfg');
    const inner = path.join(outer, 'project', 'reports');
    mkdirSync(inner, { recursive: true });
    writeFileSync(path.join(outer, '.tallyrc.json'), JSON.stringify({ rules: { 'score-sum': 'off' } }));
    writeFileSync(path.join(inner, 'tiny.md'), TINY_REPORT);
    expect(runCli(['check', 'cfg/project/reports/tiny.md'], { cwd: dir }).code).toBe(0);
    // An inner file overrides the outer one …
    writeFileSync(path.join(outer, 'project', '.tallyrc.json'), JSON.stringify({ rules: { 'score-sum': 'warning' } }));
    expect(runCli(['check', 'cfg/project/reports/tiny.md'], { cwd: dir }).stdout).toContain('warning  score-sum');
    // … and "root": true hides the outer ones.
    writeFileSync(path.join(outer, 'project', '.tallyrc.json'), JSON.stringify({ root: true }));
    const rooted = runCli(['check', 'cfg/project/reports/tiny.md'], { cwd: dir });
    expect(rooted.code).toBe(1);
    expect(rooted.stdout).toContain('error    score-sum');
  });

  it('--config FILE and --rule apply over the discovered files', () => {
    writeFileSync(path.join(dir, 'extra.json'), JSON.stringify({ rules: { 'score-sum': 'info' } }));
    const run = runCli(['check', 'tiny.md', '--config', 'extra.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('info     score-sum');
    expect(runCli(['check', 'tiny.md', '--config', 'extra.json', '--rule', 'score-sum=error'], { cwd: dir }).code).toBe(1);
  });

  it('a broken .tallyrc.json is a tool failure naming the file and the place', () => {
    const broken = path.join(dir, 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(path.join(broken, '.tallyrc.json'), '{\n  "rules": { "score-sum": "off", }\n}\n');
    writeFileSync(path.join(broken, 'tiny.md'), TINY_REPORT);
    const run = runCli(['check', 'broken/tiny.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^tally: 配置错误：.*broken\/\.tallyrc\.json：JSON 语法错误：.*\(2:\d+\)\n$/);
    expect(runCli(['check', 'tiny.md', '--config', 'missing.json'], { cwd: dir }).stderr).toMatch(/^tally: 配置错误：.*missing\.json：配置文件不存在。\n$/);
  });

  it('a semantic problem in .tallyrc.json is reported by the core as a config finding', () => {
    const odd = path.join(dir, 'odd');
    mkdirSync(odd, { recursive: true });
    writeFileSync(path.join(odd, '.tallyrc.json'), JSON.stringify({ colour: 'blue' }));
    writeFileSync(path.join(odd, 'clean.md'), CLEAN_REPORT);
    const run = runCli(['check', 'odd/clean.md', '--lang', 'en'], { cwd: dir });
    expect(run.stdout).toMatch(/warning +config +Configuration \(.*\.tallyrc\.json\): Unknown configuration key "colour"/);
  });
});
