/**
 * The launcher's V8 code cache (server/src/cli/launch/): the first run writes it, and whatever
 * state the file is in — missing, corrupt, foreign, in a folder that is not ours — a run prints
 * exactly what a run without any cache prints and exits with the same code.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checksum } from '../../server/src/cli/launch/codeCache';
import { buildOnce, cleanup, runCli, tempDir, type CliRun } from './helpers';

// Each case runs the CLI as a process; a loaded machine needs generous limits.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 600_000 });

const SEED = ['check', 'samples/seed-report.md'];
const FOLDER = ['check', 'samples', '--jobs', '2'];

let home: string;

beforeAll(() => {
  buildOnce();
  home = tempDir('tally-cache-');
});

afterAll(() => cleanup(home));

/** A run with the cache under `cacheHome` (the XDG base the launcher honours). */
function runCached(args: readonly string[], cacheHome = home): CliRun {
  return runCli(args, { env: { XDG_CACHE_HOME: cacheHome, TALLY_NO_COMPILE_CACHE: undefined } });
}

function runUncached(args: readonly string[]): CliRun {
  return runCli(args, { env: { TALLY_NO_COMPILE_CACHE: '1' } });
}

/** Output and exit code with the timing taken out (the only part that may differ). */
function outcome(run: CliRun): { code: number | null; stdout: string; stderr: string } {
  return { code: run.code, stdout: run.stdout.replace(/（\d+ ms）/g, ''), stderr: run.stderr };
}

function cacheFiles(cacheHome = home): string[] {
  const folder = path.join(cacheHome, 'tally');
  try {
    return readdirSync(folder)
      .filter((name) => name.endsWith('.cache'))
      .map((name) => path.join(folder, name));
  } catch {
    return [];
  }
}

/** The header of a whole, well-formed cache file (undefined for anything else). */
function validHeader(file: string): { covers: string[] } | undefined {
  const content = readFileSync(file);
  const newline = content.indexOf(10);
  const text = content.toString('utf8', 0, newline);
  if (!text.startsWith('tally-code-cache/1 ')) return undefined;
  const header = JSON.parse(text.slice('tally-code-cache/1 '.length)) as { checksum: string; bytes: number; covers: string[] };
  const payload = content.subarray(newline + 1);
  return payload.length === header.bytes && checksum(payload) === header.checksum ? header : undefined;
}

describe('the code cache', () => {
  let reference: ReturnType<typeof outcome>;

  beforeAll(() => {
    reference = outcome(runUncached(SEED));
  });

  it('is written by the first run, read by the next, and changes no output', () => {
    expect(reference.code).toBe(1);
    expect(cacheFiles()).toEqual([]);
    expect(outcome(runCached(SEED))).toEqual(reference);
    const files = cacheFiles();
    expect(files).toHaveLength(1);
    const header = validHeader(files[0]);
    expect(header?.covers).toEqual(['check', 'checker']);
    const written = readFileSync(files[0]);
    expect(outcome(runCached(SEED))).toEqual(reference);
    // Nothing new ran, so nothing was written again.
    expect(readFileSync(files[0]).equals(written)).toBe(true);
  });

  const corruptions: Record<string, (content: Buffer) => Buffer> = {
    'bytes flipped in the middle of the payload': (content) => {
      const copy = Buffer.from(content);
      for (let i = copy.length >> 1; i < (copy.length >> 1) + 64; i++) copy[i] ^= 0xff;
      return copy;
    },
    'cut short': (content) => content.subarray(0, content.length >> 1),
    empty: () => Buffer.alloc(0),
    'random bytes': () => Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919 + 13) % 251)),
    // A well-formed header over data V8 does not recognise: V8 itself rejects it.
    'a valid header over foreign data': () => {
      const data = Buffer.alloc(5000, 42);
      const header = { checksum: checksum(data), bytes: data.length, covers: ['check', 'checker'] };
      return Buffer.concat([Buffer.from(`tally-code-cache/1 ${JSON.stringify(header)}\n`), data]);
    },
  };

  for (const [name, corrupt] of Object.entries(corruptions)) {
    it(`is ignored and replaced when ${name}`, () => {
      if (cacheFiles().length === 0) runCached(SEED);
      const [file] = cacheFiles();
      const corrupted = corrupt(readFileSync(file));
      writeFileSync(file, corrupted);
      expect(outcome(runCached(SEED))).toEqual(reference);
      expect(cacheFiles()).toEqual([file]);
      expect(readFileSync(file).equals(corrupted)).toBe(false);
      expect(validHeader(file)).toBeDefined();
      expect(outcome(runCached(SEED))).toEqual(reference);
    });
  }

  it('is neither read nor written with TALLY_NO_COMPILE_CACHE=1', () => {
    const cacheHome = tempDir('tally-cache-off-');
    try {
      const run = runCli(SEED, { env: { XDG_CACHE_HOME: cacheHome, TALLY_NO_COMPILE_CACHE: '1' } });
      expect(outcome(run)).toEqual(reference);
      expect(readdirSync(cacheHome)).toEqual([]);
    } finally {
      cleanup(cacheHome);
    }
  });

  it('is left alone when the cache folder is a file or writable by others', () => {
    const cacheHome = tempDir('tally-cache-bad-');
    try {
      writeFileSync(path.join(cacheHome, 'tally'), 'not a folder');
      expect(outcome(runCached(SEED, cacheHome))).toEqual(reference);
      expect(readFileSync(path.join(cacheHome, 'tally'), 'utf8')).toBe('not a folder');

      const shared = path.join(cacheHome, 'shared');
      mkdirSync(path.join(shared, 'tally'), { recursive: true });
      chmodSync(path.join(shared, 'tally'), 0o777);
      expect(outcome(runCached(SEED, shared))).toEqual(reference);
      if (process.platform !== 'win32') expect(cacheFiles(shared)).toEqual([]);
    } finally {
      cleanup(cacheHome);
    }
  });

  it('runs without a cache when the cache base cannot be created (missing parents, or under /proc)', () => {
    const cacheHome = tempDir('tally-cache-missing-');
    try {
      expect(outcome(runCached(SEED, path.join(cacheHome, 'a', 'b')))).toEqual(reference);
      expect(readdirSync(cacheHome)).toEqual([]);
      // Node's recursive mkdirSync never returns for this path: the launcher must not use it
      if (process.platform === 'linux') expect(outcome(runCached(SEED, '/proc/nonexistent'))).toEqual(reference);
    } finally {
      cleanup(cacheHome);
    }
  });

  it('serves the worker threads too', () => {
    const cacheHome = tempDir('tally-cache-jobs-');
    try {
      const expected = outcome(runUncached(FOLDER));
      expect(expected.code).toBe(1);
      // First run: the main thread (which checks files too) writes last, at exit.
      expect(outcome(runCached(FOLDER, cacheHome))).toEqual(expected);
      const [file] = cacheFiles(cacheHome);
      expect(validHeader(file)?.covers).toEqual(['check', 'checker']);
      // Second run: the worker accepts it and, finding the checker covered, leaves the file alone
      // (a worker whose cache was rejected would write a new one, which replaces the file).
      const written = statSync(file);
      expect(outcome(runCached(FOLDER, cacheHome))).toEqual(expected);
      expect(statSync(file).ino).toBe(written.ino);
      expect(statSync(file).mtimeMs).toBe(written.mtimeMs);
      expect(outcome(runCached(SEED, cacheHome))).toEqual(reference);
    } finally {
      cleanup(cacheHome);
    }
  });
});
