/**
 * Minimal globs, matched by scanning (never a RegExp built from user input):
 * `*` any run of characters within one path segment, `?` one character, `**` any number of
 * whole segments. Paths and patterns use `/` separators.
 */

export function hasGlobMagic(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** Classic wildcard match with single-star backtracking: O(|pattern| × |text|) at worst. */
export function matchSegment(pattern: string, text: string): boolean {
  const p = [...pattern];
  const t = [...text];
  let pi = 0;
  let ti = 0;
  let star = -1;
  let resume = 0;
  while (ti < t.length) {
    if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = ti;
    } else if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      pi++;
      ti++;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** The same backtracking one level up: `**` plays the star over whole segments. */
export function matchSegments(pattern: readonly string[], path: readonly string[]): boolean {
  let pi = 0;
  let ti = 0;
  let star = -1;
  let resume = 0;
  while (ti < path.length) {
    if (pi < pattern.length && pattern[pi] === '**') {
      star = pi++;
      resume = ti;
    } else if (pi < pattern.length && matchSegment(pattern[pi], path[ti])) {
      pi++;
      ti++;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++resume;
    } else {
      return false;
    }
  }
  while (pi < pattern.length && pattern[pi] === '**') pi++;
  return pi === pattern.length;
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
