/**
 * The one entry point every host uses: text in, model and findings out.
 * (Contract; implemented by the engine.)
 */
import type { ReportModel } from '../model/types';
import type { ConfigLayer, ResolvedConfig } from './config';
import type { ModelIndex } from './modelIndex';
import type { Finding, Rule } from './types';

export interface CheckOptions {
  /** Configuration layers from the host (rc files outermost first, then settings or CLI flags). Front matter is read from the text. */
  layers?: readonly ConfigLayer[];
  /** Rules to run (default: every registered rule). */
  rules?: readonly Rule[];
}

export interface CheckResult {
  model: ReportModel;
  index: ModelIndex;
  config: ResolvedConfig;
  /** Sorted by range start. Configuration problems appear as findings of rule `config`; a throwing rule as `internal-error`. */
  findings: Finding[];
}

export declare function checkReport(text: string, options?: CheckOptions): CheckResult;
