/**
 * Configuration, the same for the editor and the CLI.
 *
 * Sources, later overriding earlier: defaults → `.tallyrc.json` files (outermost first; the
 * hosts find them, the core only merges) → editor settings / CLI flags → the document's front
 * matter `tally:` block. Inline comments (`<!-- tally-disable … -->`) act per line afterwards.
 * Invalid input never throws: it is reported as a `ConfigProblem` and the defaults stand.
 */
import type { Severity, SeveritySetting } from './types';

export interface GradeBandConfig {
  /** Label used by the report ("优"); `synonyms` are the same band in other schemes. */
  label: string;
  /** Inclusive lower bound. */
  min: number;
  synonyms: string[];
}

export interface ResolvedConfig {
  /** Per-rule severity; rules not listed use their default. */
  rules: Record<string, SeveritySetting>;
  /** Bands from best to worst; half-open [min, next band's min). Used when the report states none. */
  gradeBands: GradeBandConfig[];
  /** Decimals to write a recomputed value with when the literal it replaces gives none. */
  decimals: number;
  /** Allowed difference per rounded term (0.01 for two decimals) when judging rounding artefacts. */
  tolerance: string;
  /** Satisfaction option weights in percent, read when a formula does not state them. */
  satisfactionWeights: Record<string, number>;
  /** Total 分值 of the indicator system. */
  totalWeight: number;
  /** Documents larger than this (bytes of UTF-16 text) are checked only for their first part. */
  maxDocumentSize: number;
  /** Language of messages. */
  language: 'zh' | 'en';
}

export type ConfigInput = {
  rules?: Record<string, SeveritySetting>;
  gradeBands?: GradeBandConfig[];
  decimals?: number;
  tolerance?: string | number;
  satisfactionWeights?: Record<string, number>;
  totalWeight?: number;
  maxDocumentSize?: number;
  language?: 'zh' | 'en';
};

export interface ConfigLayer {
  /** Where the layer came from: a file path, "settings", "front matter", "--rule". */
  source: string;
  data: unknown;
}

export interface ConfigProblem {
  source: string;
  message: { zh: string; en: string };
}

export const DEFAULT_GRADE_BANDS: GradeBandConfig[] = [
  { label: '优', min: 90, synonyms: ['优秀'] },
  { label: '良', min: 80, synonyms: ['良好'] },
  { label: '中', min: 60, synonyms: ['合格', '中等', '一般'] },
  { label: '差', min: 0, synonyms: ['不合格', '较差'] },
];

export function defaultConfig(): ResolvedConfig {
  return {
    rules: {},
    gradeBands: DEFAULT_GRADE_BANDS.map((band) => ({ ...band, synonyms: [...band.synonyms] })),
    decimals: 2,
    tolerance: '0.01',
    satisfactionWeights: { 非常满意: 100, 满意: 80, 比较满意: 80, 一般: 60, 基本满意: 60, 不太满意: 30, 不满意: 0, 非常不满意: 0 },
    totalWeight: 100,
    maxDocumentSize: 5 * 1024 * 1024,
    language: 'zh',
  };
}

const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merge layers over the defaults. Unknown keys and bad values become problems, never throws. */
export function resolveConfig(layers: readonly ConfigLayer[], knownRuleIds?: ReadonlySet<string>): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  for (const layer of layers) applyLayer(config, layer, problems, knownRuleIds);
  return { config, problems };
}

function problem(problems: ConfigProblem[], source: string, zh: string, en: string): void {
  problems.push({ source, message: { zh, en } });
}

function applyLayer(config: ResolvedConfig, layer: ConfigLayer, problems: ConfigProblem[], knownRuleIds?: ReadonlySet<string>): void {
  const { source, data } = layer;
  if (data === undefined || data === null) return;
  if (!isPlainObject(data)) {
    problem(problems, source, '配置必须是一个 JSON 对象，已使用默认配置。', 'Configuration must be a JSON object; defaults are used.');
    return;
  }
  for (const [key, value] of Object.entries(data)) {
    switch (key) {
      case '$schema':
      case 'root': // read by the hosts' .tallyrc.json discovery (stops the upward search)
        break;
      case 'rules':
        if (!isPlainObject(value)) {
          problem(problems, source, '"rules" 必须是对象（规则 id → off|info|warning|error）。', '"rules" must be an object (rule id → off|info|warning|error).');
          break;
        }
        for (const [ruleId, severity] of Object.entries(value)) {
          if (!isSeveritySetting(severity)) {
            problem(problems, source, `规则 ${ruleId} 的级别 "${String(severity)}" 无效，应为 off、info、warning 或 error。`, `Severity "${String(severity)}" of rule ${ruleId} is invalid; use off, info, warning or error.`);
          } else if (knownRuleIds && !knownRuleIds.has(ruleId)) {
            problem(problems, source, `未知规则 "${ruleId}"。`, `Unknown rule "${ruleId}".`);
          } else {
            config.rules[ruleId] = severity;
          }
        }
        break;
      case 'gradeBands':
        if (Array.isArray(value) && value.length > 0 && value.every(isGradeBand)) {
          config.gradeBands = value.map((band) => ({ label: band.label, min: band.min, synonyms: band.synonyms ?? [] })).sort((a, b) => b.min - a.min);
        } else {
          problem(problems, source, '"gradeBands" 必须是 {label, min, synonyms?} 的非空数组。', '"gradeBands" must be a non-empty array of {label, min, synonyms?}.');
        }
        break;
      case 'decimals':
        if (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 6) config.decimals = value as number;
        else problem(problems, source, '"decimals" 必须是 0 到 6 的整数。', '"decimals" must be an integer from 0 to 6.');
        break;
      case 'tolerance':
        if ((typeof value === 'number' || typeof value === 'string') && /^\d+(\.\d+)?$/.test(String(value))) config.tolerance = String(value);
        else problem(problems, source, '"tolerance" 必须是非负数。', '"tolerance" must be a non-negative number.');
        break;
      case 'satisfactionWeights':
        if (isPlainObject(value) && Object.values(value).every((v) => typeof v === 'number' && v >= 0 && v <= 100)) {
          config.satisfactionWeights = { ...config.satisfactionWeights, ...(value as Record<string, number>) };
        } else {
          problem(problems, source, '"satisfactionWeights" 必须是 选项 → 0~100 的对象。', '"satisfactionWeights" must map options to numbers from 0 to 100.');
        }
        break;
      case 'totalWeight':
        if (typeof value === 'number' && value > 0) config.totalWeight = value;
        else problem(problems, source, '"totalWeight" 必须是正数。', '"totalWeight" must be a positive number.');
        break;
      case 'maxDocumentSize':
        if (typeof value === 'number' && value > 0) config.maxDocumentSize = value;
        else problem(problems, source, '"maxDocumentSize" 必须是正数（字节）。', '"maxDocumentSize" must be a positive number of bytes.');
        break;
      case 'language':
        if (value === 'zh' || value === 'en') config.language = value;
        else problem(problems, source, '"language" 必须是 "zh" 或 "en"。', '"language" must be "zh" or "en".');
        break;
      default:
        problem(problems, source, `未知配置项 "${key}"。`, `Unknown configuration key "${key}".`);
    }
  }
}

function isGradeBand(value: unknown): value is { label: string; min: number; synonyms?: string[] } {
  return (
    isPlainObject(value) &&
    typeof value.label === 'string' &&
    typeof value.min === 'number' &&
    (value.synonyms === undefined || (Array.isArray(value.synonyms) && value.synonyms.every((s) => typeof s === 'string')))
  );
}

/** Effective severity of a rule: configured, else its default. */
export function severityOf(config: ResolvedConfig, ruleId: string, defaultSeverity: Severity): SeveritySetting {
  return config.rules[ruleId] ?? defaultSeverity;
}
