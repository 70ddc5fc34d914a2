import { z } from 'zod';

/**
 * Conditions that organisation data sets on a form's values (gift rules, side-job concerns):
 * every listed field must match (AND). A choice or yes/no field matches a value
 * (`"negotiationsOngoing": "yes"`) or any of a list (`"kind": { "in": [...] }`); a number
 * matches bounds (`"valueEur": { "gt": 50 }`). An empty condition always matches.
 */
export const choiceCondition = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.enum(values), z.object({ in: z.array(z.enum(values)).min(1) }).strict()]);

export const rangeCondition = z
  .object({ gt: z.number(), gte: z.number(), lt: z.number(), lte: z.number() })
  .partial()
  .strict()
  .refine((bounds) => Object.keys(bounds).length > 0, 'give at least one of gt, gte, lt, lte');

type Bounds = z.infer<typeof rangeCondition>;

export function conditionMatches(condition: object, values: object): boolean {
  const actual = values as Record<string, unknown>;
  for (const [field, expected] of Object.entries(condition) as [string, unknown][]) {
    const value = actual[field];
    if (typeof expected === 'string') {
      if (value !== expected) return false;
    } else if (expected && typeof expected === 'object' && 'in' in expected) {
      if (!(expected as { in: unknown[] }).in.includes(value)) return false;
    } else {
      const bounds = expected as Bounds;
      if (typeof value !== 'number') return false;
      if (bounds.gt !== undefined && !(value > bounds.gt)) return false;
      if (bounds.gte !== undefined && !(value >= bounds.gte)) return false;
      if (bounds.lt !== undefined && !(value < bounds.lt)) return false;
      if (bounds.lte !== undefined && !(value <= bounds.lte)) return false;
    }
  }
  return true;
}
