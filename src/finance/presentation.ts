import { formatDay, formatMoment } from '../i18n/format.js';
import { localize, type Language } from '../i18n/index.js';
import type { RecordPresentation } from '../workflow/index.js';
import { financeStateLabel, financeSummary, kindLabels } from './cards.js';
import { financeDecisionOf, type FinanceRecord } from './views.js';

/** How financial-interest notices appear in lists, the register and the records CLI. */
export const financePresentation: RecordPresentation = {
  typeLabel: { nl: 'Financieel belang', en: 'Financial interest' },
  registerTitle: { nl: 'Register financiële belangen', en: 'Financial interests register' },
  registerCommands: [/^\s*(register financiële belangen|register financiele belangen|financial interests register)[\s.!?]*$/i],
  stateLabel: (record, lang) => financeStateLabel(record as FinanceRecord, lang),
  summary: (record, lang) => financeSummary(record as FinanceRecord, lang),
  registerFacts(record, lang: Language, ownerName) {
    const notice = record as FinanceRecord;
    const { form } = notice.data;
    const nl = lang === 'nl';
    const facts = [
      { title: nl ? 'Medewerker' : 'Employee', value: ownerName },
      { title: nl ? 'Soort' : 'Kind', value: localize(kindLabels[form.kind], lang) },
      { title: nl ? 'Omschrijving' : 'Description', value: form.description },
      { title: nl ? 'Relatie met het werk' : 'Relation to work', value: form.relationToOwnWork },
      { title: nl ? 'Sinds' : 'Since', value: formatDay(form.acquiredOn, lang) },
      { title: 'Status', value: financeStateLabel(notice, lang) },
    ];
    const decision = financeDecisionOf(notice);
    if (decision) {
      facts.push({ title: nl ? 'Vastgelegd op' : 'Recorded on', value: formatMoment(decision.at, lang) });
      if (decision.fields.measures) facts.push({ title: nl ? 'Maatregelen' : 'Measures', value: decision.fields.measures });
    }
    return facts;
  },
  detail(record) {
    return financeDecisionOf(record as FinanceRecord)?.fields.measures ?? '';
  },
  exportRow(record, ownerName) {
    const notice = record as FinanceRecord;
    const { form } = notice.data;
    const decision = financeDecisionOf(notice);
    return {
      reference: notice.reference,
      createdAt: notice.createdAt.toISOString(),
      state: notice.state,
      owner: notice.owner,
      ownerName,
      kind: form.kind,
      description: form.description,
      relationToOwnWork: form.relationToOwnWork,
      acquiredOn: form.acquiredOn,
      decision: decision?.outcome ?? null,
      measures: decision?.fields.measures ?? null,
      comment: decision?.fields.comment ?? null,
      decidedBy: decision?.actor ?? null,
      decidedAt: decision?.at.toISOString() ?? null,
    };
  },
};
