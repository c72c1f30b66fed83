/** Stages of model building never throw out of the core: a failure becomes a Notice. */
import type { Notice, Range } from '../model/types';

export function failureNotice(stage: string, error: unknown, range?: Range): Notice {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal-error',
    message: { zh: `解析阶段“${stage}”出错，结果可能不完整：${reason}`, en: `Stage "${stage}" failed; results may be incomplete: ${reason}` },
    range,
  };
}

/** Run `fn`; on a throw record a notice and return `fallback`. */
export function guarded<T>(stage: string, notices: Notice[], fn: () => T, fallback: T, range?: Range): T {
  try {
    return fn();
  } catch (error) {
    notices.push(failureNotice(stage, error, range));
    return fallback;
  }
}
