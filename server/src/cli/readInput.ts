/**
 * Reading a report from disk without trusting it: never more than MAX_INPUT_BYTES in memory,
 * binary and UTF-16 files refused with a reason, invalid UTF-8 decoded with U+FFFD and
 * flagged (so that --fix never writes the replacement characters back).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Localized } from '../core/engine/types';
import { reasonOf } from './i18n';

export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export type Input =
  | { ok: true; text: string; bytes: Buffer; bom: boolean; invalidUtf8: boolean }
  | { ok: false; reason: Localized };

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function refuse(zh: string, en: string): Input {
  return { ok: false, reason: { zh, en } };
}

function readAll(fd: number, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let offset = 0;
  while (offset < size) {
    const read = readSync(fd, bytes, offset, size - offset, offset);
    if (read === 0) break;
    offset += read;
  }
  return bytes.subarray(0, offset);
}

export function readInput(filePath: string): Input {
  let fd: number;
  try {
    fd = openSync(filePath, 'r');
  } catch (error) {
    const reason = reasonOf(error);
    return refuse(`无法读取：${reason}`, `Cannot read: ${reason}`);
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return refuse('不是普通文件。', 'Not a regular file.');
    if (stat.size > MAX_INPUT_BYTES) {
      const mb = (stat.size / 1024 / 1024).toFixed(1);
      return refuse(`文件过大（${mb} MB，上限 64 MB），已跳过。`, `File too large (${mb} MB, limit 64 MB); skipped.`);
    }
    bytes = readAll(fd, stat.size);
  } catch (error) {
    const reason = reasonOf(error);
    return refuse(`无法读取：${reason}`, `Cannot read: ${reason}`);
  } finally {
    closeSync(fd);
  }
  return decode(bytes);
}

export function decode(bytes: Buffer): Input {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return refuse('文件为 UTF-16 编码，请另存为 UTF-8 后再检查。', 'The file is UTF-16 encoded; save it as UTF-8 to check it.');
  }
  if (bytes.includes(0)) return refuse('这是二进制文件（含 NUL 字节），不是 Markdown 报告，已跳过。', 'Binary file (contains NUL bytes), not a Markdown report; skipped.');
  const bom = bytes.subarray(0, 3).equals(UTF8_BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), bytes, bom, invalidUtf8: false };
  } catch {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body), bytes, bom, invalidUtf8: true };
  }
}

/** The bytes to write for a text read with `bom`. */
export function encode(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([UTF8_BOM, body]) : body;
}
