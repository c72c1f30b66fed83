/**
 * Minimal globs, matched by scanning (never a RegExp built from user input):
 * `*` any run of characters within one path segment, `?` one character, `**` any number of
 * whole segments. Paths and patterns use `/` separators.
 */

export function hasGlobMagic(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/**
 * Wildcard matching with single-star backtracking, O(|pattern| × |items|) at worst. One routine
 * serves both levels: characters within a segment (`*`, `?`) and segments within a path (`**`).
 */
function wildcardMatch<P, T>(pattern: readonly P[], items: readonly T[], isStar: (p: P) => boolean, matchesOne: (p: P, item: T) => boolean): boolean {
  let pi = 0;
  let ti = 0;
  let star = -1;
  let resume = 0;
  while (ti < items.length) {
    if (pi < pattern.length && isStar(pattern[pi])) {
      star = pi++;
      resume = ti;
    } else if (pi < pattern.length && matchesOne(pattern[pi], items[ti])) {
      pi++;
      ti++;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++resume;
    } else {
      return false;
    }
  }
  while (pi < pattern.length && isStar(pattern[pi])) pi++;
  return pi === pattern.length;
}

/** `*` and `?` within one path segment. */
export function matchSegment(pattern: string, text: string): boolean {
  return wildcardMatch([...pattern], [...text], (p) => p === '*', (p, ch) => p === '?' || p === ch);
}

/** `**` plays the star over whole segments. */
export function matchSegments(pattern: readonly string[], path: readonly string[]): boolean {
  return wildcardMatch(pattern, path, (p) => p === '**', matchSegment);
}

export interface Glob {
  /** The leading segments without wildcards: where to start walking. */
  base: string;
  /** The remaining segments, matched against paths relative to `base`. */
  segments: string[];
}

/** Split a pattern into its literal base folder and the wildcard part. */
export function parseGlob(pattern: string): Glob {
  const parts = pattern.replace(/\\/g, '/').split('/');
  let split = parts.findIndex(hasGlobMagic);
  if (split < 0) split = parts.length;
  const baseParts = parts.slice(0, split);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  return { base, segments: parts.slice(split).filter((segment) => segment !== '' && segment !== '.') };
}
