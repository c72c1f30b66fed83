/**
 * Keeping the server's memory small between bursts of work.
 *
 * A check allocates far more than it keeps (parse tokens, intermediate trees), and V8 keeps the
 * heap it grew to until a later collection needs the room — an editor session with many reports
 * open then sits at twice its live size. Two measures, both used by every host that starts the
 * server the way the VS Code client does (`SERVER_EXEC_ARGV`):
 * - a young generation of at most 4 MB per semi-space (V8's default grows to 16 MB), and
 * - one full collection once the server has been idle for a moment after checking
 *   (`globalThis.gc`, present when Node runs with --expose-gc; without it nothing happens).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4', '--expose-gc'];

/** Quiet time after the last check before the collection runs (ms). */
export const IDLE_COLLECTION_MS = 1500;

export class IdleCollector {
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly collect: (() => void) | undefined = (globalThis as { gc?: () => void }).gc) {}

  /** Work just happened: collect once the server has been quiet for IDLE_COLLECTION_MS. */
  afterWork(): void {
    if (!this.collect) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // a second collection releases the pages the first one emptied
      this.collect?.();
      this.collect?.();
    }, IDLE_COLLECTION_MS);
    // never the reason the process stays alive
    this.timer.unref?.();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
