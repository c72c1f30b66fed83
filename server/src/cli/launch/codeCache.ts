/**
 * The V8 code cache of the CLI bundle on disk (used by launcher.ts).
 *
 * One file per installed bundle (and set of Node flags), in a folder of the user's own: `$XDG_CACHE_HOME/tally`, else
 * `<tmpdir>/tally-<uid>`. Cached data is bytecode V8 runs without further checks, so the folder
 * is used only when it is a real directory owned by this user and writable by nobody else.
 *
 * The file name carries what makes cached data valid for a bundle: a checksum and the length of
 * its bytes, the Node and V8 versions, the CPU architecture. V8 itself checks only its version,
 * its flags and the source length; it does not checksum the payload in release builds, so the
 * file's header holds a checksum of the payload, verified before V8 sees it.
 *
 * Reading never fails: a missing, unreadable, foreign or corrupt file is "no cache". Writing is
 * a temporary file (named by process and thread) renamed over the old one, so readers never see
 * half a file and two threads or processes writing at once only decide which valid file stays.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { CliPart } from './coverage';

const MAGIC = 'tally-code-cache/1 ';
/** The header is one line; anything longer is not ours. */
const MAX_HEADER = 4096;
/** A temporary file this old was left by a writer that died; no live writer takes this long. */
const ABANDONED_MS = 60 * 60 * 1000;

interface Header {
  checksum: string;
  bytes: number;
  covers: CliPart[];
}

export interface CodeCacheFile {
  /** The cached data for V8, when a valid file was found. */
  readonly data: Buffer | undefined;
  /** The parts of the CLI whose functions `data` holds (see coverage.ts). */
  readonly covers: ReadonlySet<CliPart>;
  /** Replaces the file with `produce()`'s data; silently gives up on any error. */
  save(produce: () => Buffer, covers: Iterable<CliPart>): void;
}

type Crc32 = (data: Uint8Array | string) => number;
let crc32: Crc32 | null | undefined;

/**
 * A checksum of bytes or text, for cache keys and payload verification (not against an attacker:
 * the folder is the user's own). zlib's CRC-32 (Node ≥ 20.15) costs a millisecond with the module
 * load; SHA-1 from node:crypto, the fallback on older Node 20 releases, costs a few.
 */
export function checksum(data: Uint8Array | string): string {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when a cache is used */
  if (crc32 === undefined) {
    const zlib = require('node:zlib') as { crc32?: Crc32 };
    crc32 = typeof zlib.crc32 === 'function' ? zlib.crc32 : null;
  }
  if (crc32) return crc32(data).toString(16).padStart(8, '0');
  const crypto = require('node:crypto') as typeof import('node:crypto');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return crypto.createHash('sha1').update(data).digest('hex');
}

function makeFolder(folder: string, mode: number): void {
  try {
    mkdirSync(folder, { mode });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** The cache folder, created if need be; undefined when it is missing, shared or not a folder. */
function cacheFolder(env: NodeJS.ProcessEnv): string | undefined {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const base = env.XDG_CACHE_HOME;
  const useBase = base !== undefined && path.isAbsolute(base);
  const folder = useBase ? path.join(base, 'tally') : path.join(os.tmpdir(), `tally-${uid ?? 'user'}`);
  try {
    // one level at a time: Node's recursive mkdirSync never returns for some paths (under /proc)
    if (useBase) makeFolder(base, 0o700);
    makeFolder(folder, 0o700);
    const stat = lstatSync(folder);
    if (!stat.isDirectory()) return undefined;
    // Windows has no uids; its temporary folder is per user already.
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

function parseHeader(text: string): Header | undefined {
  if (!text.startsWith(MAGIC)) return undefined;
  try {
    const header = JSON.parse(text.slice(MAGIC.length)) as Partial<Header>;
    if (typeof header.checksum !== 'string' || typeof header.bytes !== 'number' || !Array.isArray(header.covers)) return undefined;
    if (!header.covers.every((part) => typeof part === 'string')) return undefined;
    return header as Header;
  } catch {
    return undefined;
  }
}

/** The payload of a cache file, if the file is whole and ours. */
function readPayload(file: string): { data: Buffer; covers: CliPart[] } | undefined {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return undefined;
  }
  const newline = content.indexOf(10);
  if (newline < 0 || newline > MAX_HEADER) return undefined;
  const header = parseHeader(content.toString('utf8', 0, newline));
  const data = content.subarray(newline + 1);
  if (!header || data.length !== header.bytes || checksum(data) !== header.checksum) return undefined;
  return { data, covers: header.covers };
}

/**
 * The cache file for this bundle (`bundle` is its bytes), or undefined when no cache folder is
 * usable.
 */
export function openCodeCache(bundlePath: string, bundle: Buffer, env: NodeJS.ProcessEnv): CodeCacheFile | undefined {
  const folder = cacheFolder(env);
  if (!folder) return undefined;
  // One slot per installed bundle (its path) and set of Node flags: two installations do not
  // evict each other, and runs with and without (say) --cpu-prof, whose cached data V8 rejects
  // for one another, do not overwrite each other's file on every run.
  const flags = [...process.execArgv, env.NODE_OPTIONS ?? ''].join(' ').trim();
  const slot = `cli-${checksum(flags ? `${bundlePath}\n${flags}` : bundlePath)}-`;
  const key = [checksum(bundle), bundle.length, `node${process.versions.node}`, `v8-${process.versions.v8}`, process.arch].join('-');
  const name = `${slot}${key}.cache`;
  const file = path.join(folder, name);
  const found = readPayload(file);
  return {
    data: found?.data,
    covers: new Set(found?.covers ?? []),
    save(produce, covers) {
      const temporary = path.join(folder, `.${name}.${process.pid}-${threadId}.tmp`);
      try {
        const data = produce();
        const header: Header = { checksum: checksum(data), bytes: data.length, covers: [...new Set(covers)].sort() };
        writeFileSync(temporary, Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`), data]), { mode: 0o600 });
        renameSync(temporary, file);
      } catch {
        try {
          unlinkSync(temporary);
        } catch {
          // never written
        }
        return;
      }
      removeOtherVersions(folder, slot, name);
    },
  };
}

/**
 * Caches of earlier builds in the same slot are dead weight (about a megabyte each), and so are
 * temporary files of writers that died.
 */
function removeOtherVersions(folder: string, slot: string, keep: string): void {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    const file = path.join(folder, entry);
    try {
      if (entry !== keep && entry.startsWith(slot) && entry.endsWith('.cache')) unlinkSync(file);
      else if (entry.startsWith(`.${slot}`) && entry.endsWith('.tmp') && Date.now() - statSync(file).mtimeMs > ABANDONED_MS) unlinkSync(file);
    } catch {
      // another process removed it first
    }
  }
}
