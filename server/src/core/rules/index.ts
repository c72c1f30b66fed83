/**
 * The rule registry: a plain list. Add a rule by importing it and appending it here; the engine,
 * the docs generator (scripts/gen-rule-docs.ts) and the hosts read this list.
 */
import type { Rule } from '../engine/types';

export const rules: readonly Rule[] = [];
