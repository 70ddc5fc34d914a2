/**
 * Minimal typed Adaptive Card 1.5 model: enough for our cards, strict enough that a typo in an
 * element type is a compile error. Teams renders up to schema 1.5.
 */
type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large';

export type CardElement =
  | { type: 'TextBlock'; text: string; wrap?: boolean; weight?: 'Bolder' | 'Default'; size?: 'Small' | 'Default' | 'Medium' | 'Large'; isSubtle?: boolean; color?: 'Default' | 'Attention' | 'Good' | 'Warning' | 'Accent'; spacing?: Spacing; separator?: boolean; id?: string; style?: 'heading' }
  | { type: 'FactSet'; facts: { title: string; value: string }[]; id?: string; spacing?: Spacing }
  | { type: 'Container'; items: CardElement[]; style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent'; id?: string; separator?: boolean; spacing?: Spacing }
  | { type: 'ColumnSet'; columns: { type: 'Column'; width?: string; items: CardElement[] }[] }
  | { type: 'ActionSet'; actions: CardAction[] }
  | InputElement;

export type InputElement =
  | { type: 'Input.Text'; id: string; label: string; isRequired?: boolean; errorMessage?: string; maxLength?: number; isMultiline?: boolean; placeholder?: string; value?: string; regex?: string }
  | { type: 'Input.Number'; id: string; label: string; isRequired?: boolean; errorMessage?: string; min?: number; max?: number; value?: number; placeholder?: string }
  | { type: 'Input.Date'; id: string; label: string; isRequired?: boolean; errorMessage?: string; min?: string; max?: string; value?: string }
  | { type: 'Input.Toggle'; id: string; label?: string; title: string; value?: string; valueOn?: string; valueOff?: string }
  | { type: 'Input.ChoiceSet'; id: string; label: string; isRequired?: boolean; errorMessage?: string; style?: 'compact' | 'expanded'; choices: { title: string; value: string }[]; value?: string };

export type CardAction =
  | { type: 'Action.Execute'; title: string; verb: string; data?: Record<string, unknown>; style?: 'positive' | 'destructive' | 'default'; associatedInputs?: 'auto' | 'none' }
  | { type: 'Action.Submit'; title: string; data: Record<string, unknown>; style?: 'positive' | 'destructive' | 'default'; associatedInputs?: 'auto' | 'none' }
  | { type: 'Action.OpenUrl'; title: string; url: string }
  | { type: 'Action.ShowCard'; title: string; card: AdaptiveCard };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  msteams?: { width?: 'Full' };
}

export function adaptiveCard(body: CardElement[], actions: CardAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/**
 * A button that starts a conversation task. Action.Submit (not Execute) because starting a task
 * should post a fresh card below rather than replace the welcome card in place; the `verb`
 * routes it through teams-ai's actionSubmit handlers.
 */
export function taskButton(title: string, verb: string, data: Record<string, unknown> = {}): CardAction {
  return { type: 'Action.Submit', title, data: { verb, ...data } };
}
