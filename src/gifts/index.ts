import { GIFT_TYPE } from './views.js';
import { createGiftFeature } from './module.js';
import { giftPresentation } from './presentation.js';

export { createGiftFeature, type GiftFeatureServices } from './module.js';
export { GIFT_TYPE, giftDecisionOf, type GiftData, type GiftRecord, type GiftState } from './views.js';
export { giftVerbs } from './cards.js';
export { assessGift, loadAllGiftRules, type GiftAssessment, type GiftRules } from './rules.js';

/** Gifts' entry in the list of workflows (src/workflows.ts). */
export const giftWorkflow = { type: GIFT_TYPE, presentation: giftPresentation, create: createGiftFeature };
