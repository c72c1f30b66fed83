/**
 * dist/cli.js and dist/cli-worker.js: run the CLI bundle (dist/cli-main.js, see ../entry.ts)
 * from a V8 code cache.
 *
 * Without one, Node 20 spends about 40 ms compiling the 700 KB bundle before its first line runs,
 * then compiles each function again on its first call. Node 22 has module.enableCompileCache for
 * this; Node 20 has only vm.Script's cachedData, so the bundle runs as Node would run it (the
 * CommonJS wrapper, a require of its own, __dirname = dist/) but compiled here.
 *
 * The cache is written after the work, so that it holds the functions compiled lazily along the
 * way: at exit in the main thread, and in a worker thread (which the pool terminates, so it never
 * sees an exit) right after its first file. It is written only when no cache was usable or when
 * this thread ran a part of the CLI the cache does not cover (coverage.ts). Any problem with it
 * means the bundle is compiled as usual. TALLY_NO_COMPILE_CACHE=1 turns all of this off.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { openCodeCache } from './codeCache';
import { onPartRan } from './coverage';

const BUNDLE = path.join(__dirname, 'cli-main.js');
/** Node's CommonJS wrapper, on a line of its own: with lineOffset -1, stack traces keep the bundle's positions. */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {\n';
const WRAPPER_TAIL = '\n})';

type ModuleFunction = (this: unknown, exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

function cacheDisabled(env: NodeJS.ProcessEnv): boolean {
  const value = env.TALLY_NO_COMPILE_CACHE;
  return value !== undefined && value !== '' && value !== '0';
}

/** The bundle's module function, compiled with the cache when there is a usable one. */
function compileWithCache(): ModuleFunction {
  const bytes = readFileSync(BUNDLE);
  const cache = openCodeCache(BUNDLE, bytes, process.env);
  const source = WRAPPER_HEAD + bytes.toString('utf8') + WRAPPER_TAIL;
  const script = new vm.Script(source, { filename: BUNDLE, lineOffset: -1, cachedData: cache?.data });
  const moduleFunction = script.runInThisContext() as ModuleFunction;
  if (!cache) return moduleFunction;

  const accepted = cache.data !== undefined && script.cachedDataRejected === false;
  const covers = new Set(accepted ? cache.covers : []);
  let stale = !accepted;
  const save = () => {
    stale = false;
    cache.save(() => script.createCachedData(), covers);
  };
  onPartRan((part) => {
    if (!covers.has(part)) {
      covers.add(part);
      stale = true;
    }
    if (stale && !isMainThread) save();
  });
  if (isMainThread) {
    process.on('exit', () => {
      if (stale) save();
    });
  }
  return moduleFunction;
}

function launch(): void {
  let moduleFunction: ModuleFunction | undefined;
  if (!cacheDisabled(process.env)) {
    try {
      moduleFunction = compileWithCache();
    } catch {
      // a missing or broken bundle fails again below, with Node's own message
    }
  }
  if (!moduleFunction) {
    createRequire(__filename)(BUNDLE);
    return;
  }
  const module = { exports: {} };
  moduleFunction.call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
}

launch();
