/**
 * When and on what the open documents are checked. One BlockCache per document (an edit
 * re-parses only the edited block); a short debounce after typing; a check is a few phases with a
 * yield to the event loop between them, and a phase that finds a newer version abandons the run,
 * so a burst of edits costs one check and other requests are answered in between. Results carry
 * the version they were computed for; a result for an old version is never handed out.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver/node';
import { checkReport, type CheckResult } from '../core/engine/check';
import type { ConfigLayer, ConfigProblem } from '../core/engine/config';
import { BlockCache } from '../core/model/build';
import type { Lang } from '../core/services/locale';

export interface Checked {
  uri: string;
  version: number;
  /** The text the result belongs to (convert ranges with this, not the live document). */
  snapshot: TextDocument;
  result: CheckResult;
  lang: Lang;
  layers: readonly ConfigLayer[];
  /** The document's block cache (its latest model is this result's); a fresh one once the document is no longer warm. */
  cache: BlockCache;
  /** Configuration files that could not be read (shown with the findings). */
  problems: readonly ConfigProblem[];
}

export interface HostConfig {
  layers: ConfigLayer[];
  problems: ConfigProblem[];
}

export interface CheckerHost {
  documents: TextDocuments<TextDocument>;
  /** Configuration layers for a document (locale, rc files, settings); front matter is read by the core. */
  configFor(uri: string): Promise<HostConfig>;
  /** A fresh result for the current version (publish it). */
  onChecked(checked: Checked): void;
  error(message: string): void;
}

/** A result with the configuration generation it was computed under. */
type Stamped = Checked & { generation: number };

interface Stamp {
  version: number;
  generation: number;
}

interface DocState {
  cache: BlockCache;
  latest?: Stamped;
  running?: Stamp & { promise: Promise<Stamped | undefined> };
  /** The check of this version threw: do not retry it until the text or configuration changes. */
  failed?: Stamp;
  timer?: ReturnType<typeof setTimeout>;
  /** How long the last check of this document took (ms). */
  lastDuration: number;
  /** When the previous edit arrived (performance.now()). */
  lastEditAt: number;
}

/**
 * The debounce follows the cost of a check. An edit that comes after a pause longer than a check
 * takes is checked at once (waiting would only add latency: nothing is coalesced); an edit that
 * follows the previous one closely, or lands while a check runs, is part of a burst and waits as
 * long as a check takes, so a burst of edits to a large report costs one check. Capped so a slow
 * check never delays feedback by more than this.
 */
export const MAX_DEBOUNCE_MS = 150;

/** How long to wait before checking after an edit (ms). */
export function debounceDelay(edit: { sinceLastEdit: number; lastDuration: number; busy: boolean }): number {
  const inBurst = edit.busy || edit.sinceLastEdit < edit.lastDuration;
  return inBurst ? Math.min(MAX_DEBOUNCE_MS, edit.lastDuration) : 0;
}

/**
 * Documents whose block caches are kept between checks: the ones edited (or opened) most recently.
 * A cache holds parse trees and recognitions for every block — about as much memory again as the
 * check result — and only pays off on the next edit; a document that drops out keeps its result
 * (hover, code actions) and pays one cold check (tens of ms for a 100 KB report) when edited again.
 */
export const WARM_DOCUMENTS = 3;

export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Messages that arrived during a long synchronous check are read in the next poll phase and then
 * dispatched by vscode-jsonrpc one per setImmediate; a few turns let a pending didChange land
 * before a result is handed out. False as soon as `stale()` says the run is superseded.
 */
const SETTLE_TURNS = 4;
async function settled(stale: () => boolean): Promise<boolean> {
  for (let turn = 0; turn < SETTLE_TURNS; turn++) {
    await yieldToLoop();
    if (stale()) return false;
  }
  return true;
}

export class DocumentChecker {
  private readonly states = new Map<string, DocState>();
  /** Bumped when the configuration changes: results of an older generation are stale. */
  private generation = 0;
  /** Documents by recency of their last edit or open, most recent last (see WARM_DOCUMENTS). */
  private readonly recent: string[] = [];

  constructor(private readonly host: CheckerHost) {}

  /** Check soon (after typing settles). */
  schedule(uri: string): void {
    const state = this.state(uri);
    this.touch(uri);
    const now = performance.now();
    const delay = debounceDelay({ sinceLastEdit: now - state.lastEditAt, lastDuration: state.lastDuration, busy: state.timer !== undefined || state.running !== undefined });
    state.lastEditAt = now;
    if (state.timer) clearTimeout(state.timer);
    // even "at once" goes through a timer, so the rest of an incoming batch of changes lands first
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.current(uri);
    }, delay);
  }

  /** The result for the document's current version, checking now if needed; undefined for unknown documents. */
  async current(uri: string, isCancelled: () => boolean = () => false): Promise<Checked | undefined> {
    // a newer version may land while we wait: loop until a result matches the live version
    for (let attempt = 0; attempt < 20 && !isCancelled(); attempt++) {
      const doc = this.host.documents.get(uri);
      if (!doc) return undefined;
      const state = this.state(uri);
      if (state.latest && this.isCurrent(state.latest, doc)) return state.latest;
      if (state.failed && this.isCurrent(state.failed, doc)) return undefined;
      if (state.timer) {
        clearTimeout(state.timer);
        state.timer = undefined;
      }
      const running = state.running && this.isCurrent(state.running, doc) ? state.running.promise : this.start(uri, doc, state);
      const checked = await running;
      const live = this.host.documents.get(uri);
      if (checked && live && this.isCurrent(checked, live)) return checked;
    }
    return undefined;
  }

  /** The configuration changed: drop every result and check the open documents again. */
  invalidate(): void {
    this.generation++;
    for (const doc of this.host.documents.all()) this.schedule(doc.uri);
  }

  close(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(uri);
    const index = this.recent.indexOf(uri);
    if (index >= 0) this.recent.splice(index, 1);
  }

  /** Whether the document's block cache is kept (exposed for tests). */
  isWarm(uri: string): boolean {
    return this.recent.indexOf(uri) >= this.recent.length - WARM_DOCUMENTS;
  }

  private touch(uri: string): void {
    const index = this.recent.indexOf(uri);
    if (index >= 0) this.recent.splice(index, 1);
    this.recent.push(uri);
  }

  /** Give the documents that are no longer warm an empty cache (their results stay). */
  private coolDown(): void {
    for (const uri of this.recent.slice(0, Math.max(0, this.recent.length - WARM_DOCUMENTS))) {
      const state = this.states.get(uri);
      if (!state || state.running || state.cache.size === 0) continue;
      state.cache = new BlockCache();
      if (state.latest) state.latest.cache = state.cache;
    }
  }

  private isCurrent(stamp: Stamp, doc: TextDocument): boolean {
    return stamp.version === doc.version && stamp.generation === this.generation;
  }

  private state(uri: string): DocState {
    let state = this.states.get(uri);
    if (!state) {
      state = { cache: new BlockCache(), lastDuration: 0, lastEditAt: -Infinity };
      this.states.set(uri, state);
    }
    return state;
  }

  private start(uri: string, doc: TextDocument, state: DocState): Promise<Stamped | undefined> {
    const version = doc.version;
    const generation = this.generation;
    // TextDocuments updates its documents in place: take the text now
    const snapshot = TextDocument.create(uri, doc.languageId, version, doc.getText());
    const stale = () => this.host.documents.get(uri)?.version !== version || this.generation !== generation || this.states.get(uri) !== state;
    const run = async (): Promise<Stamped | undefined> => {
      try {
        const { layers, problems } = await this.host.configFor(uri);
        await yieldToLoop();
        if (stale()) return undefined;
        const started = performance.now();
        const result = checkReport(snapshot.getText(), { layers, cache: state.cache });
        state.lastDuration = performance.now() - started;
        const checked: Stamped = { uri, version, generation, snapshot, result, lang: result.config.language, layers, cache: state.cache, problems };
        if (!(await settled(stale))) return undefined;
        state.latest = checked;
        this.coolDown();
        this.host.onChecked(checked);
        return checked;
      } catch (error) {
        state.failed = { version, generation };
        this.host.error(`tally: checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return undefined;
      }
    };
    const promise = run().finally(() => {
      if (state.running?.promise === promise) state.running = undefined;
    });
    state.running = { version, generation, promise };
    return promise;
  }
}
