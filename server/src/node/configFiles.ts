/**
 * `.tallyrc.json` discovery, the same for the CLI and the language server.
 *
 * Every `.tallyrc.json` from the filesystem root down to the checked file's folder is a layer,
 * outermost first; a file with `"root": true` stops the upward search (it and the files below
 * it count, the ones above do not). Reading never throws: an unreadable or malformed file
 * becomes a `ConfigProblem` naming the file with a one-line reason, and is left out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfigLayer, ConfigProblem } from '../core/engine/config';

export const CONFIG_FILE_NAME = '.tallyrc.json';

/** A configuration file is small; anything bigger is a mistake, not a config. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface ConfigLayers {
  /** Outermost first. */
  layers: ConfigLayer[];
  problems: ConfigProblem[];
}

export interface ConfigFileResult {
  layer?: ConfigLayer;
  problems: ConfigProblem[];
}

/** Per-folder results, shared by every file of one run (folders are read once). */
export type ConfigCache = Map<string, ConfigFileResult | null>;

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "… at position 42" → line and column, so the reason points into the file. */
function jsonErrorReason(error: unknown, text: string): string {
  const message = oneLine(error instanceof Error ? error.message : String(error));
  const match = /position (\d+)/.exec(message);
  if (!match) return message;
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${message} (${line}:${column})`;
}

function problem(source: string, zh: string, en: string): ConfigProblem {
  return { source, message: { zh, en } };
}

/** Read one configuration file (`--config FILE`). Never throws. */
export function readConfigFile(filePath: string): ConfigFileResult {
  return readConfig(filePath) ?? { problems: [problem(filePath, '配置文件不存在。', 'The configuration file does not exist.')] };
}

/** One configuration file, or undefined when there is none at that path. */
function readConfig(filePath: string): ConfigFileResult | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'EISDIR') return { problems: [problem(filePath, '这是一个文件夹，不是配置文件。', 'This is a folder, not a configuration file.')] };
    const reason = oneLine(error instanceof Error ? error.message : String(error));
    return { problems: [problem(filePath, `无法读取配置文件：${reason}`, `Cannot read the configuration file: ${reason}`)] };
  }
  if (bytes.length > MAX_CONFIG_BYTES) {
    return { problems: [problem(filePath, `配置文件过大（${bytes.length} 字节）。`, `The configuration file is too large (${bytes.length} bytes).`)] };
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = jsonErrorReason(error, text);
    return { problems: [problem(filePath, `JSON 语法错误：${reason}`, `Invalid JSON: ${reason}`)] };
  }
  return { layer: { source: filePath, data }, problems: [] };
}

function isRoot(layer: ConfigLayer | undefined): boolean {
  const data = layer?.data;
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>).root === true;
}

/** The `.tallyrc.json` of one folder, or null when it has none. */
function configOfFolder(folder: string, cache?: ConfigCache): ConfigFileResult | null {
  const cached = cache?.get(folder);
  if (cached !== undefined) return cached;
  // A missing file is the common case, not a problem.
  const entry = readConfig(path.join(folder, CONFIG_FILE_NAME)) ?? null;
  cache?.set(folder, entry);
  return entry;
}

/**
 * Configuration layers for a document at `filePath`, outermost first. Pass a cache when
 * checking many files so that every folder is read once.
 */
export function loadConfigLayers(filePath: string, cache?: ConfigCache): ConfigLayers {
  const found: ConfigFileResult[] = [];
  let folder = path.dirname(path.resolve(filePath));
  for (;;) {
    const entry = configOfFolder(folder, cache);
    if (entry) found.push(entry);
    if (entry && isRoot(entry.layer)) break;
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  found.reverse();
  return {
    layers: found.flatMap((entry) => (entry.layer ? [entry.layer] : [])),
    problems: found.flatMap((entry) => entry.problems),
  };
}
