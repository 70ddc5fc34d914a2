import type { Language } from '../i18n/index.js';
import type { RecordPresentation } from '../teams/records.js';
import { formatDay, formatMoment, giftStateLabel, giftSummary, giftVerbs, kindLabels, outcomeLabel, relationLabels } from './cards.js';
import type { GiftRecord } from './workflow.js';

/** How gift notifications appear in "mijn meldingen", "openstaand", the register and the records CLI. */
export const giftPresentation: RecordPresentation = {
  typeLabel: { nl: 'Cadeau', en: 'Gift' },
  registerTitle: { nl: 'Cadeauregister', en: 'Gift register' },
  stateLabel: (record, lang) => giftStateLabel(record as GiftRecord, lang),
  summary: (record, lang) => giftSummary(record as GiftRecord, lang),
  openAction: (record, lang) => ({
    type: 'Action.Submit',
    title: lang === 'nl' ? `${record.reference} bekijken` : `View ${record.reference}`,
    data: { verb: giftVerbs.open, giftId: record._id },
  }),
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
    if (gift.decision) {
      facts.push({ title: nl ? 'Besloten op' : 'Decided on', value: formatMoment(gift.decision.at, lang) });
      if (gift.decision.comment) facts.push({ title: nl ? 'Toelichting' : 'Comment', value: gift.decision.comment });
    }
    return facts;
  },
  exportRow(record, ownerName) {
    const gift = record as GiftRecord;
    const { form, assessment } = gift.data;
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
      decision: gift.decision?.transition ?? null,
      decidedBy: gift.decision?.actor ?? null,
      decidedAt: gift.decision?.at.toISOString() ?? null,
    };
  },
};
