/**
 * Memoised results that move with their source. A result (a block's structure, a table's
 * recognition, a paragraph's claims) is computed once with document offsets and memoised; when
 * its source stands elsewhere in a later build, the result is moved *in place*: every `range` /
 * `nameRange` it holds is shifted and every `tableIndex` replaced. Nothing is copied, so an edit
 * near the top of a large report costs a pass over plain numbers instead of a copy of the whole
 * model (the copy, and the garbage collections it caused, were most of a keystroke in a 1 MB report).
 *
 * What this asks of the owner, the document's BlockCache:
 * - A model built with a cache is valid until the next build with that cache (it shares the
 *   memoised objects, which the next build may move). Hosts check one text per cache at a time;
 *   a check of another text (fix-all's trial runs) uses a cache of its own.
 * - Every memoised object belongs to one result: a result that may share objects with another
 *   stage's result (a recognition holds the grid's number literals) is cloned before it is memoised.
 * - One result stands at one place per build: a key met twice in a build (two identical
 *   paragraphs) gets one instance per occurrence.
 */
import type { Range } from '../model/types';
import { Lru } from './lru';

/** Where a result stands: its source's offset and, for a paragraph, the offset of the title above it. */
export interface Place {
  at: number;
  /** Ranges that start before `at` (the title above a paragraph) move with this offset. */
  before?: number;
  /** The value every `tableIndex` gets. */
  tableIndex?: number;
}

function isRange(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && typeof (value as Range).start === 'number' && typeof (value as Range).end === 'number';
}

/** The model is plain data: an object that is not plain is a Decimal (immutable, nothing in it moves). */
function isPlain(value: object): boolean {
  return Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype;
}

/** A deep copy of plain data; Decimals and strings are shared (immutable). An object reached twice is copied once. */
export function clone<T>(value: T): T {
  const copies = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null || !isPlain(v)) return v;
    const done = copies.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const out: unknown[] = new Array<unknown>(v.length);
      copies.set(v, out);
      for (let i = 0; i < v.length; i++) out[i] = copy(v[i]);
      return out;
    }
    const out: Record<string, unknown> = {};
    copies.set(v, out);
    const source = v as Record<string, unknown>;
    for (const key in source) out[key] = copy(source[key]);
    return out;
  };
  return copy(value) as T;
}

/** What a move touches, found by one walk of the result (each object once). */
interface Movable {
  /** Ranges at or after the result's own offset. */
  ranges: Range[];
  /** Ranges before it (a paragraph result pointing at the title above). */
  rangesBefore: Range[];
  /** Objects with a `tableIndex`. */
  indexed: { tableIndex: number }[];
}

function movableOf(value: unknown, split: number): Movable {
  const movable: Movable = { ranges: [], rangesBefore: [], indexed: [] };
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v) || !isPlain(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const item of v) walk(item);
      return;
    }
    const source = v as Record<string, unknown>;
    for (const key in source) {
      const child = source[key];
      if ((key === 'range' || key === 'nameRange') && isRange(child)) {
        if (seen.has(child)) continue;
        seen.add(child);
        (child.start < split ? movable.rangesBefore : movable.ranges).push(child);
      } else if (key === 'tableIndex' && typeof child === 'number') movable.indexed.push(source as { tableIndex: number });
      else walk(child);
    }
  };
  walk(value);
  return movable;
}

function shiftAll(ranges: readonly Range[], delta: number): void {
  if (delta === 0) return;
  for (const range of ranges) {
    range.start += delta;
    range.end += delta;
  }
}

/** One memoised result and where it stands now. */
class Placed<T> {
  /** The pass that last used this instance (see PlacedMemo). */
  usedIn = -1;
  /**
   * Found when the result is made, before later stages link other results to objects in it
   * (a move must reach exactly what this result owns).
   */
  private readonly movable: Movable;

  /** Where the result stands (see Place); plain fields, so a move allocates nothing. */
  private at: number;
  private before: number;
  private tableIndex: number | undefined;

  constructor(
    readonly value: T,
    place: Place,
  ) {
    // without a title above, every range moves with the result (a survey's question above its table too)
    this.movable = movableOf(value, place.before === undefined ? -Infinity : place.at);
    this.at = place.at;
    this.before = place.before ?? 0;
    this.tableIndex = place.tableIndex;
  }

  isAt(place: Place): boolean {
    return place.at === this.at && (place.before ?? 0) === this.before && (place.tableIndex === undefined || place.tableIndex === this.tableIndex);
  }

  moveTo(place: Place): void {
    if (this.isAt(place)) return;
    const movable = this.movable;
    shiftAll(movable.ranges, place.at - this.at);
    shiftAll(movable.rangesBefore, (place.before ?? 0) - this.before);
    if (place.tableIndex !== undefined && place.tableIndex !== this.tableIndex) {
      for (const holder of movable.indexed) holder.tableIndex = place.tableIndex;
      this.tableIndex = place.tableIndex;
    }
    this.at = place.at;
    this.before = place.before ?? 0;
  }
}

/** `value`, computed standing at `from`, moved in place to `to` (a result nobody memoises). */
export function moved<T>(value: T, from: Place, to: Place): T {
  new Placed(value, from).moveTo(to);
  return value;
}

/**
 * A memo table of placed results: `take` answers a key with a memoised instance moved to the
 * asked place, or computes one. Call `beginPass` once per build: within a pass an instance is
 * handed out once, so equal keys at two places get two instances.
 */
export class PlacedMemo<T> {
  private pass = 0;
  /**
   * What is known of each owner (the object its source lives in, kept between builds): its key
   * (with the context it was made from, see `keyOf`) and the instance it got last under that key.
   */
  private readonly owners = new WeakMap<object, { context?: string; key: string; instance?: Placed<T> }>();

  constructor(private readonly instances: Lru<string, Placed<T>[]>) {}

  beginPass(): void {
    this.pass++;
  }

  /**
   * The memo key `context + source`, made again only when `context` changed. `owner` is an object
   * that lives exactly as long as the source text is unchanged (a paragraph or table the structure
   * memo keeps): an unchanged source then keeps its key string, whose hash V8 keeps, instead of
   * copying and hashing every paragraph and table of the document on every build.
   */
  keyOf(owner: object, context: string, source: () => string): string {
    const known = this.owners.get(owner);
    if (known && known.context === context) return known.key;
    const key = `${context}\u0000${source()}`;
    this.owners.set(owner, { context, key });
    return key;
  }

  /** Raise the bound on keys (see Lru.reserve). */
  reserve(capacity: number): void {
    this.instances.reserve(capacity);
  }

  /**
   * @param compute makes the result when no instance is free. It must return objects no other
   *   result holds (clone what comes from another stage).
   * @param owner the object the source lives in (a block, a paragraph, a table), when it is kept
   *   between builds: its instance is found again without a lookup by key.
   * @param computedAt where `compute` puts its result (block-relative results: offset 0).
   */
  take(key: string, place: Place, compute: () => T, owner?: object, computedAt: Place = place): T {
    const known = owner && this.owners.get(owner);
    let chosen = known && known.key === key && known.instance && known.instance.usedIn !== this.pass ? known.instance : undefined;
    if (!chosen) {
      chosen = this.lookUp(key, place) ?? this.add(key, new Placed(compute(), computedAt));
      if (owner) this.owners.set(owner, { context: known && known.key === key ? known.context : undefined, key, instance: chosen });
    }
    chosen.usedIn = this.pass;
    chosen.moveTo(place);
    return chosen.value;
  }

  /** A memoised instance of `key` not used in this pass, preferring one already standing at `place`. */
  private lookUp(key: string, place: Place): Placed<T> | undefined {
    let free: Placed<T> | undefined;
    for (const instance of this.instances.get(key) ?? []) {
      if (instance.usedIn === this.pass) continue;
      if (instance.isAt(place)) return instance;
      free ??= instance;
    }
    return free;
  }

  private add(key: string, instance: Placed<T>): Placed<T> {
    const list = this.instances.get(key);
    if (list) list.push(instance);
    else this.instances.set(key, [instance]);
    return instance;
  }
}
