/**
 * Grade bands as the report states them (its own 等级 table or sentence), else as configured, and
 * the band a total falls in. Integer ranges such as "80-89" are read as half-open [80, 90): only
 * lower bounds decide, best band first.
 */
import type Decimal from 'decimal.js';
import type { ReportModel } from '../model/types';
import type { ResolvedConfig } from '../engine/config';
import { Dec } from '../text/numbers';
import { normalizeName } from '../text/normalize';
import { formatNatural, plain } from './derive';
import { tr, type Lang } from './locale';

export interface Band {
  label: string;
  /** The same band's other labels (优 ↔ 优秀). */
  names: string[];
  low?: Decimal;
  lowInclusive: boolean;
  /** "90（含）– 100" / "≥ 90" */
  describe(lang: Lang): string;
}

/** Bands best first. */
export function bandsOf(model: ReportModel, config: ResolvedConfig): Band[] {
  const scale = model.gradeScales[0];
  if (scale && scale.bands.length > 0) {
    return scale.bands
      .map((band): Band => {
        const label = band.label.text.trim();
        return {
          label,
          names: namesOf(label, config),
          low: band.low?.value,
          lowInclusive: band.lowInclusive,
          describe: (lang) => interval(lang, band.low && plain(band.low), band.lowInclusive, band.high && plain(band.high), band.highInclusive),
        };
      })
      .sort((a, b) => compareLow(b.low, a.low));
  }
  const configured = [...config.gradeBands].sort((a, b) => b.min - a.min);
  return configured.map((band, i): Band => {
    const upper = i > 0 ? formatNatural(new Dec(configured[i - 1].min)) : undefined;
    return {
      label: band.label,
      names: [band.label, ...band.synonyms],
      low: new Dec(band.min),
      lowInclusive: true,
      describe: (lang) => interval(lang, formatNatural(new Dec(band.min)), true, upper, false),
    };
  });
}

function compareLow(a: Decimal | undefined, b: Decimal | undefined): number {
  if (a === undefined) return b === undefined ? 0 : -1;
  if (b === undefined) return 1;
  return a.comparedTo(b);
}

function interval(lang: Lang, low: string | undefined, lowInclusive: boolean, high: string | undefined, highInclusive: boolean): string {
  const incl = tr(lang, '（含）', ' (incl.)');
  const lowText = low === undefined ? '' : `${low}${lowInclusive ? incl : ''}`;
  const highText = high === undefined ? '' : `${high}${highInclusive ? incl : ''}`;
  if (lowText && highText) return `${lowText} – ${highText}`;
  if (lowText) return `≥ ${lowText}`;
  return highText ? tr(lang, `${highText} 以下`, `below ${highText}`) : '';
}

/** Every label of the configured band that `label` belongs to (synonyms across schemes). */
function namesOf(label: string, config: ResolvedConfig): string[] {
  const key = normalizeName(label);
  const band = config.gradeBands.find((item) => [item.label, ...item.synonyms].some((name) => normalizeName(name) === key));
  return band ? [band.label, ...band.synonyms.filter((name) => name !== band.label)] : [label];
}

/** The band `total` falls in. */
export function bandFor(bands: readonly Band[], total: Decimal): Band | undefined {
  return bands.find((band) => band.low === undefined || (band.lowInclusive ? total.gte(band.low) : total.gt(band.low)));
}

export function sameGrade(band: Band, label: string): boolean {
  const key = normalizeName(label);
  return band.label === label || band.names.some((name) => normalizeName(name) === key);
}
