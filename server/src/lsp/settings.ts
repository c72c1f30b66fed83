/**
 * The `tally` settings section → configuration layers, merged the way the CLI merges them:
 * (client locale) → .tallyrc.json files → settings → front matter (read by checkReport).
 * Settings left at their defaults (null, {}, [], "auto") add nothing, so an rc file still counts.
 */
import { DEFAULT_GRADE_BANDS, type ConfigLayer, type GradeBandConfig } from '../core/engine/config';

export interface TallySettings {
  rules?: Record<string, unknown>;
  grade?: { bands?: unknown; labels?: unknown };
  decimals?: unknown;
  tolerance?: unknown;
  satisfactionWeights?: Record<string, unknown>;
  language?: unknown;
  maxDocumentSize?: unknown;
  inlayHints?: { enabled?: unknown };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyObject(value: unknown): value is Record<string, unknown> {
  return isObject(value) && Object.keys(value).length > 0;
}

/**
 * tally.grade.bands (lower bounds, best first) and tally.grade.labels pair up by position; the
 * one not set is taken from the default bands. A renamed band keeps the default's names as synonyms.
 */
function gradeBands(bands: unknown, labels: unknown): GradeBandConfig[] | undefined {
  const mins = Array.isArray(bands) ? bands : [];
  const names = Array.isArray(labels) ? labels : [];
  if (mins.length === 0 && names.length === 0) return undefined;
  const count = mins.length > 0 && names.length > 0 ? Math.min(mins.length, names.length) : Math.max(mins.length, names.length);
  const out: GradeBandConfig[] = [];
  for (let i = 0; i < count; i++) {
    const fallback = DEFAULT_GRADE_BANDS[i];
    const label = typeof names[i] === 'string' ? (names[i] as string) : fallback?.label;
    const min = typeof mins[i] === 'number' ? (mins[i] as number) : fallback?.min;
    if (label === undefined || min === undefined) return undefined;
    const synonyms = fallback ? [fallback.label, ...fallback.synonyms].filter((name) => name !== label) : [];
    out.push({ label, min, synonyms });
  }
  return out;
}

/** The settings layer: only what the user set. */
export function settingsLayer(settings: TallySettings | undefined): ConfigLayer | undefined {
  if (typeof settings !== 'object' || settings === null) return undefined;
  const data: Record<string, unknown> = {};
  if (nonEmptyObject(settings.rules)) data.rules = settings.rules;
  const bands = gradeBands(settings.grade?.bands, settings.grade?.labels);
  if (bands) data.gradeBands = bands;
  for (const key of ['decimals', 'tolerance', 'maxDocumentSize'] as const) {
    if (settings[key] !== undefined && settings[key] !== null && settings[key] !== '') data[key] = settings[key];
  }
  if (nonEmptyObject(settings.satisfactionWeights)) data.satisfactionWeights = settings.satisfactionWeights;
  if (settings.language === 'zh' || settings.language === 'en') data.language = settings.language;
  return Object.keys(data).length > 0 ? { source: 'settings', data } : undefined;
}

/** The display language the client's UI uses, as the outermost layer (anything configured overrides it). */
export function localeLayer(language: 'zh' | 'en'): ConfigLayer {
  return { source: 'client locale', data: { language } };
}

export function inlayHintsEnabled(settings: TallySettings | undefined): boolean {
  return settings?.inlayHints?.enabled === true;
}
