import type { Language } from '../i18n/index.js';
import type { RecordPresentation } from '../workflow/index.js';
import { formatDay, formatMoment } from '../i18n/format.js';
import { giftStateLabel, giftSummary, kindLabels, outcomeLabel, relationLabels } from './cards.js';
import { giftDecisionOf, type GiftRecord } from './views.js';

/** How gift notifications appear in "mijn meldingen", "openstaand", the register and the records CLI. */
export const giftPresentation: RecordPresentation = {
  typeLabel: { nl: 'Cadeau', en: 'Gift' },
  registerTitle: { nl: 'Cadeauregister', en: 'Gift register' },
  registerCommands: [/^\s*(cadeauregister|geschenkenregister|gift register)[\s.!?]*$/i],
  stateLabel: (record, lang) => giftStateLabel(record as GiftRecord, lang),
  summary: (record, lang) => giftSummary(record as GiftRecord, lang),
  registerFacts(record, lang: Language, ownerName) {
    const gift = record as GiftRecord;
    const { form, assessment } = gift.data;
    const nl = lang === 'nl';
    const facts = [
      { title: nl ? 'Medewerker' : 'Employee', value: ownerName },
      { title: nl ? 'Wat' : 'What', value: giftSummary(gift, lang) },
      { title: nl ? 'Van' : 'From', value: `${form.giver} (${relationLabels[form.giverRelation][lang]})` },
      { title: nl ? 'Soort' : 'Kind', value: kindLabels[form.kind][lang] },
      { title: nl ? 'Ontvangen op' : 'Received on', value: formatDay(form.receivedOn, lang) },
      { title: nl ? 'Advies' : 'Advice', value: outcomeLabel(assessment.outcome, lang) },
      { title: 'Status', value: giftStateLabel(gift, lang) },
    ];
    const decision = giftDecisionOf(gift);
    if (decision) {
      facts.push({ title: nl ? 'Besloten op' : 'Decided on', value: formatMoment(decision.at, lang) });
      if (decision.comment) facts.push({ title: nl ? 'Toelichting' : 'Comment', value: decision.comment });
    }
    return facts;
  },
  exportRow(record, ownerName) {
    const gift = record as GiftRecord;
    const { form, assessment } = gift.data;
    const decision = giftDecisionOf(gift);
    return {
      reference: gift.reference,
      createdAt: gift.createdAt.toISOString(),
      state: gift.state,
      owner: gift.owner,
      ownerName,
      description: form.description,
      giver: form.giver,
      giverRelation: form.giverRelation,
      kind: form.kind,
      valueEur: form.valueEur,
      receivedOn: form.receivedOn,
      deliveredAtHome: form.deliveredAtHome,
      negotiationsOngoing: form.negotiationsOngoing,
      expectsSomethingInReturn: form.expectsSomethingInReturn,
      outcome: assessment.outcome,
      ruleId: assessment.ruleId,
      decision: decision?.decision ?? null,
      decidedBy: decision?.actor ?? null,
      decidedAt: decision?.at.toISOString() ?? null,
    };
  },
};
