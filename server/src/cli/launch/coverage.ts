/**
 * Which parts of the CLI have run in this thread, told to the launcher (launcher.ts), so that
 * its code cache comes to hold the compiled functions of every part a user runs: a cache made
 * by `tally --version` alone holds hardly more than the bundle's top level, one made while the
 * checker ran only in worker threads holds no checker in the main thread's copy.
 *
 * The launcher and the CLI are separate bundles (the launcher must stay a few kilobytes), so
 * they meet on a registered symbol rather than an import. Outside the launcher (tests, the
 * bundle run directly) nobody listens and `partRan` does nothing.
 */

/** A part of the CLI: a command (`check`, `rules`, …) or `checker` (the core checked a file here). */
export type CliPart = string;

type Listener = (part: CliPart) => void;

const LISTENER = Symbol.for('tally.cli.partRan');

export function partRan(part: CliPart): void {
  (globalThis as { [LISTENER]?: Listener })[LISTENER]?.(part);
}

export function onPartRan(listener: Listener): void {
  (globalThis as { [LISTENER]?: Listener })[LISTENER] = listener;
}
