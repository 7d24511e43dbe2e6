import type { EvaluationInput } from '../../domain/evaluation';
import type { FileLimits } from './limits';
import { refusals } from './messages';

/**
 * The same limits for an evaluation given as JSON (`jixiao score`'s input): at most `maxRows` indicators and
 * `maxCellChars` characters in any text. Returns the refusal, or null when it fits.
 */
export function fenceEvaluationInput(input: EvaluationInput, limits: Pick<FileLimits, 'maxRows' | 'maxCellChars'>): string | null {
  if (input.indicators.length > limits.maxRows) return refusals.tooManyIndicators(input.indicators.length, limits.maxRows);
  return longText(input, [], limits.maxCellChars);
}

function longText(value: unknown, path: string[], max: number): string | null {
  if (typeof value === 'string') {
    if (value.length <= max) return null;
    const where = path[0] === 'indicators' && path[1] !== undefined ? `第 ${Number(path[1]) + 1} 项指标的“${path.slice(2).join('.')}”` : `“${path.join('.')}”`;
    return refusals.fieldTooLong(where, value.length, max);
  }
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = longText(v, [...path, key], max);
      if (found) return found;
    }
  }
  return null;
}
