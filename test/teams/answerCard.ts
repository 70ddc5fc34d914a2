import { expect } from 'vitest';
import { expectValidCard } from '../gifts/support.js';

/** Element and action types of Adaptive Cards 1.5 that Teams renders. */
const ELEMENTS = new Set(['TextBlock', 'RichTextBlock', 'Container', 'ColumnSet', 'Column', 'FactSet', 'Image', 'ImageSet', 'ActionSet', 'Table', 'TableRow', 'TableCell', 'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet']);
const ACTIONS = new Set(['Action.Submit', 'Action.Execute', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility']);
const NEXT_STEP_VERBS = new Set(['gift.start', 'sidejob.start', 'report.start']);

/**
 * An answer card as Teams gets it: valid Adaptive Card 1.5 JSON (the gift cards' checks), only
 * element and action types of 1.5, unique element ids, every ToggleVisibility target an element
 * of the card, and next-step buttons that route to a known task.
 */
export function expectValidAnswerCard(card: any): void {
  expectValidCard(card);
  const ids: string[] = [];
  const targets: string[] = [];
  const walkElements = (elements: unknown): void => {
    if (!Array.isArray(elements)) return;
    for (const element of elements as Record<string, unknown>[]) {
      expect(ELEMENTS.has(String(element.type)), `element type ${String(element.type)}`).toBe(true);
      if (typeof element.id === 'string') ids.push(element.id);
      if (element.type === 'TextBlock') expect(typeof element.text === 'string' && element.text.length > 0, 'TextBlock without text').toBe(true);
      walkElements(element.items);
      walkElements(element.columns);
      if (element.type === 'ActionSet') walkActions(element.actions);
    }
  };
  const walkActions = (actions: unknown): void => {
    if (!Array.isArray(actions)) return;
    for (const action of actions as Record<string, unknown>[]) {
      expect(ACTIONS.has(String(action.type)), `action type ${String(action.type)}`).toBe(true);
      expect(typeof action.title === 'string' && action.title.length > 0, 'action without title').toBe(true);
      if (action.type === 'Action.ToggleVisibility') targets.push(...((action.targetElements as string[]) ?? []));
      if (action.type === 'Action.Submit') expect(NEXT_STEP_VERBS.has(String((action.data as { verb?: string })?.verb)), `verb ${JSON.stringify(action.data)}`).toBe(true);
    }
  };
  walkElements(card.body);
  walkActions(card.actions);
  expect(new Set(ids).size, 'element ids are unique').toBe(ids.length);
  for (const target of targets) expect(ids, `toggle target ${target}`).toContain(target);
}
