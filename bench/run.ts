/**
 * `npm run bench`: Tally's performance measured side by side with its peers in one run.
 * Prints a table and writes docs/performance.md. Never part of `npm test` (timings are noisy).
 * `--quick`: fewer edits (60 per latency scenario, 1000 in the memory run); `--only cli,parse,
 * latency,batch,memory`: some of the measures, printed only.
 *
 * 1. CLI whole process on the seed: `tally check` vs `markdownlint-cli2`   goal: Tally ≥ 5× faster
 * 2. Cold in-process check vs one bare unified+remark-parse+remark-gfm parse  goal: ≤ 1.2×
 * 3. Keystroke latency over LSP (didChange → diagnostics of that version)    goal: p95 ≤ 30 ms seed, ≤ 100 ms 1 MB
 * 4. Batch: 200 generated reports, files/s with 1 worker and with all cores
 * 5. Server RSS with 20 reports open                                          goal: ≤ 150 MB
 * 6. Server RSS growth over 10 000 edits to one document
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { checkReport } from '../server/src/core/engine/check';
import { generateReport } from './generate';
import { BenchLspClient } from './lspClient';
import { IDLE_COLLECTION_MS } from '../server/src/lsp/memory';

const ROOT = path.resolve(__dirname, '..');
const SEED = path.join(ROOT, 'samples', 'seed-report.md');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const PEERS = path.join(ROOT, 'bench', 'peers');
const quick = process.argv.includes('--quick');
/** `--only cli,parse,latency,batch,memory`: run some of the measures (nothing is written). */
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? new Set((process.argv[onlyIndex + 1] ?? '').split(',')) : undefined;
const wanted = (part: string): boolean => !only || only.has(part);

interface Row { measure: string; tally: string; peer: string; ratio: string; goal: string; met: string }
const rows: Row[] = [];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

function timeProcess(command: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    spawnSync(command, args, { stdio: 'ignore' });
    if (i > 0) times.push(performance.now() - start); // the first run warms the disk cache
  }
  return median(times);
}

function ensurePeers(): string {
  const bin = path.join(PEERS, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  if (!existsSync(bin)) execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', PEERS], { stdio: 'inherit' });
  return bin;
}

function benchCliProcess(): void {
  const peerBin = ensurePeers();
  const runs = quick ? 5 : 15;
  const tally = timeProcess(process.execPath, [CLI, 'check', SEED, '--format', 'json'], runs);
  const work = mkdtempSync(path.join(os.tmpdir(), 'tally-bench-'));
  const copy = path.join(work, 'seed-report.md');
  writeFileSync(copy, readFileSync(SEED));
  const peer = timeProcess(process.execPath, [peerBin, copy], runs);
  // what a process costs before it checks anything: the runtime alone, and Tally on an empty report
  const empty = path.join(work, 'empty.md');
  writeFileSync(empty, '');
  const startUp = timeProcess(process.execPath, [CLI, 'check', empty, '--format', 'json'], runs);
  const runtime = timeProcess(process.execPath, ['-e', '0'], runs);
  rmSync(work, { recursive: true, force: true });
  const ratio = peer / tally;
  rows.push({ measure: '1. CLI process, seed (median)', tally: ms(tally), peer: `markdownlint-cli2 ${ms(peer)}`, ratio: `${ratio.toFixed(1)}× faster`, goal: '≥ 5×', met: ratio >= 5 ? 'yes' : 'no' });
  rows.push({
    measure: '1b. CLI process, empty report (start-up alone)', tally: ms(startUp), peer: `node -e 0: ${ms(runtime)}`,
    ratio: `seed's markdownlint-cli2 time / this: ${(peer / startUp).toFixed(1)}×`, goal: '—', met: '—',
  });
}

function benchInProcess(): void {
  const text = readFileSync(SEED, 'utf8');
  const processor = unified().use(remarkParse).use(remarkGfm);
  const runs = quick ? 10 : 30;
  const parseTimes: number[] = [];
  const checkTimes: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    let start = performance.now();
    processor.runSync(processor.parse(text));
    const parse = performance.now() - start;
    start = performance.now();
    checkReport(text); // no cache: a cold full check
    const check = performance.now() - start;
    if (i >= 3) {
      parseTimes.push(parse);
      checkTimes.push(check);
    }
  }
  const ratio = median(checkTimes) / median(parseTimes);
  rows.push({ measure: '2. Cold full check vs bare parse, seed', tally: ms(median(checkTimes)), peer: `unified parse ${ms(median(parseTimes))}`, ratio: `${ratio.toFixed(2)}×`, goal: '≤ 1.2×', met: ratio <= 1.2 ? 'yes' : 'no' });
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Offset of the end of the first long prose line, and of a score digit in a table row. */
function editTargets(text: string): { paragraphEnd: number; cellDigit: number } {
  const lines = text.split('\n');
  let offset = 0;
  let paragraphEnd = -1;
  let cellDigit = -1;
  for (const line of lines) {
    if (paragraphEnd < 0 && line.length > 40 && !line.startsWith('|') && !line.startsWith('#') && !line.startsWith('<')) paragraphEnd = offset + line.length;
    if (cellDigit < 0 && line.startsWith('|') && /\|\s*\d+(\.\d+)?\s*\|\s*$/.test(line)) {
      const match = /(\d)(?:\.\d+)?\s*\|\s*$/.exec(line);
      if (match) cellDigit = offset + match.index;
    }
    offset += line.length + 1;
  }
  return { paragraphEnd, cellDigit };
}

async function benchLatency(label: string, text: string, goalMs: number): Promise<void> {
  const client = new BenchLspClient(SERVER);
  await client.initialize();
  const uri = `file:///bench/${label}.md`;
  await client.open(uri, text);
  const { paragraphEnd, cellDigit } = editTargets(text);
  const edits = quick ? 60 : 200;
  let version = 1;
  let current = text;
  for (const scenario of ['typing in a paragraph', 'editing a table cell'] as const) {
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      version++;
      let start: number;
      let end: number;
      let insert: string;
      if (scenario === 'typing in a paragraph') {
        start = end = paragraphEnd + i; // each keystroke appends one character after the previous one
        insert = '字';
      } else {
        start = cellDigit;
        end = cellDigit + 1;
        insert = current[cellDigit] === '5' ? '4' : '5';
      }
      const edit = { start: positionAt(current, start), end: positionAt(current, end), text: insert };
      current = current.slice(0, start) + insert + current.slice(end);
      const t0 = performance.now();
      await client.change(uri, version, edit);
      times.push(performance.now() - t0);
    }
    const p95 = percentile(times, 95);
    rows.push({ measure: `3. Keystroke → diagnostics, ${label}, ${scenario} (${edits} edits)`, tally: `p50 ${ms(percentile(times, 50))} · p95 ${ms(p95)}`, peer: '—', ratio: '—', goal: `p95 ≤ ${goalMs} ms`, met: p95 <= goalMs ? 'yes' : 'no' });
  }
  await client.close();
}

function benchBatch(): void {
  const work = mkdtempSync(path.join(os.tmpdir(), 'tally-batch-'));
  for (let i = 0; i < 200; i++) writeFileSync(path.join(work, `report-${String(i).padStart(3, '0')}.md`), generateReport(i + 1, 20_000));
  const cores = os.availableParallelism();
  /** Files per second, and the cores the run kept busy (CPU time of the process and its threads / wall time). */
  const rate = (jobs: number): { filesPerSecond: number; busyCores: number } => {
    const start = performance.now();
    const command = [process.execPath, CLI, 'check', work, '--jobs', String(jobs), '--format', 'json'];
    // GNU time (Debian package `time`) reports the CPU time; without it only the rate is shown
    const timed = existsSync('/usr/bin/time');
    const child = timed
      ? spawnSync('/usr/bin/time', ['-f', '%U %S', ...command], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
      : spawnSync(command[0], command.slice(1), { stdio: 'ignore' });
    const seconds = (performance.now() - start) / 1000;
    const [user, system] = timed ? String(child.stderr).trim().split('\n').pop()!.split(' ').map(Number) : [Number.NaN, Number.NaN];
    return { filesPerSecond: 200 / seconds, busyCores: (user + system) / seconds };
  };
  const one = rate(1);
  const all = rate(cores);
  rmSync(work, { recursive: true, force: true });
  const busy = (r: { busyCores: number }) => (Number.isFinite(r.busyCores) ? `, ${r.busyCores.toFixed(1)} cores busy` : '');
  rows.push({
    measure: '4. Batch, 200 generated reports (20 KB each)',
    tally: `${one.filesPerSecond.toFixed(0)} files/s (1 thread${busy(one)}) · ${all.filesPerSecond.toFixed(0)} files/s (${cores} threads: this one and ${cores - 1} worker${cores > 2 ? 's' : ''}${busy(all)})`,
    peer: '—', ratio: `${(all.filesPerSecond / one.filesPerSecond).toFixed(2)}× with all cores`, goal: 'scales with cores', met: all.filesPerSecond > one.filesPerSecond ? 'yes' : 'no',
  });
}

/** RSS once the server has collected after its last check (what it keeps, not its garbage). */
async function rssAtRest(client: BenchLspClient): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, IDLE_COLLECTION_MS + 1000));
  return client.rssMegabytes();
}

async function benchMemory(): Promise<void> {
  const client = new BenchLspClient(SERVER);
  await client.initialize();
  const seed = readFileSync(SEED, 'utf8');
  const opened: Promise<unknown>[] = [];
  for (let i = 0; i < 20; i++) opened.push(client.open(`file:///bench/open-${i}.md`, i % 2 === 0 ? seed : generateReport(i, 75_000)));
  await Promise.all(opened);
  const rss = await rssAtRest(client);
  rows.push({ measure: '5. Server RSS, 20 reports open, at rest', tally: `${rss.toFixed(0)} MB`, peer: '—', ratio: '—', goal: '≤ 150 MB', met: rss <= 150 ? 'yes' : 'no' });

  const uri = 'file:///bench/open-0.md';
  const { paragraphEnd } = editTargets(seed);
  let current = seed;
  const total = quick ? 1000 : 10_000;
  let before = 0;
  for (let i = 0; i < total; i++) {
    // Type and delete in turn so the document keeps its size: growth would be the server's own.
    const typing = i % 2 === 0;
    const start = paragraphEnd;
    const end = typing ? start : start + 1;
    const edit = { start: positionAt(current, start), end: positionAt(current, end), text: typing ? '字' : '' };
    current = typing ? current.slice(0, start) + '字' + current.slice(start) : current.slice(0, start) + current.slice(start + 1);
    await client.change(uri, i + 2, edit);
    if (i === 999) before = await rssAtRest(client);
  }
  const after = await rssAtRest(client);
  rows.push({ measure: `6. Server RSS over ${total} edits to one document, at rest`, tally: `${before.toFixed(0)} MB after 1000 → ${after.toFixed(0)} MB after ${total}`, peer: '—', ratio: `${(after - before).toFixed(1)} MB growth`, goal: 'no growth', met: after - before < 20 ? 'yes' : 'no' });
  await client.close();
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.availableParallelism()} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function render(): string {
  const header = '| Measure | Tally | Peer | Ratio | Goal | Met |\n| --- | --- | --- | --- | --- | --- |';
  const body = rows.map((r) => `| ${r.measure} | ${r.tally} | ${r.peer} | ${r.ratio} | ${r.goal} | ${r.met} |`).join('\n');
  return `${header}\n${body}`;
}

async function main(): Promise<void> {
  for (const required of [CLI, SERVER]) {
    if (!existsSync(required)) throw new Error(`${required} is missing: run npm run build first`);
  }
  if (wanted('cli')) benchCliProcess();
  if (wanted('parse')) benchInProcess();
  if (wanted('latency')) await benchLatency('seed', readFileSync(SEED, 'utf8'), 30);
  if (wanted('latency')) await benchLatency('generated-1MB', generateReport(7, 1_000_000), 100);
  if (wanted('batch')) benchBatch();
  if (wanted('memory')) await benchMemory();
  const table = render();
  console.log(table);
  // a partial run prints its rows but leaves the recorded figures alone
  if (only) return;
  const when = new Date().toISOString().slice(0, 10);
  const doc = `# Performance\n\nGenerated by \`npm run bench\`${quick ? ' --quick' : ''} on ${when}. All figures were measured in the same run on this machine:\n\n${machine()}\n\n${table}\n\nMedians unless stated; p50/p95 over sequential edits, each waiting for the diagnostics of its own version. Timings on a shared 2-core machine vary by ±20% between runs; the ratios are the stable part.\n`;
  mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  writeFileSync(path.join(ROOT, 'docs', 'performance.md'), doc);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
