/**
 * Running the BUILT CLI as a process. The bundle is built once per test run: the first test
 * file to get here builds (under a lock directory), the others wait for its marker.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'dist/cli.js');
export const SAMPLES = path.join(ROOT, 'samples');

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function buildOnce(): void {
  // vitest's forks share the parent process: one build per `vitest run`.
  const marker = path.join(os.tmpdir(), `tally-cli-test-build-${process.ppid}`);
  const lock = `${marker}.lock`;
  for (;;) {
    if (existsSync(marker)) return;
    try {
      mkdirSync(lock);
    } catch {
      sleep(200);
      continue;
    }
    try {
      execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
      writeFileSync(marker, String(Date.now()));
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder (removed by the caller's afterAll via `cleanup`). */
export function tempDir(prefix = 'tally-cli-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function copySample(name: string, folder: string, as = name): string {
  const target = path.join(folder, as);
  cpSync(path.join(SAMPLES, name), target);
  return target;
}

export function cleanup(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/** A small report with one planted error: the 合计 得分 18.6 where the rows add up to 18.5. */
export const TINY_REPORT = `# 测试项目绩效评价报告

表 1 项目决策指标及分值

| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 |
| --- | --- | --- | --- | --- | --- | --- |
| 决策 | 20 | 项目立项 | 10 | 立项依据充分性 | 5 | 5 |
| | | | | 立项程序规范性 | 5 | 4.5 |
| | | 绩效目标 | 10 | 绩效目标合理性 | 5 | 5 |
| | | | | 绩效指标明确性 | 5 | 4 |
| 合计 | | | 20 | | 20 | 18.6 |
`;

/** TINY_REPORT as fixed. */
export const TINY_FIXED = TINY_REPORT.replace('| 20 | 18.6 |', '| 20 | 18.5 |');

/** The same report without the planted error. */
export const CLEAN_REPORT = TINY_FIXED;
