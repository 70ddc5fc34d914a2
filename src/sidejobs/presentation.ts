import { formatMoment } from '../i18n/format.js';
import { yesNoLabels } from '../cards/forms.js';
import { localize, type Language } from '../i18n/index.js';
import type { RecordPresentation } from '../workflow/index.js';
import { decisionLabels, relationLabels, sideJobPeriod, sideJobStateLabel, sideJobSummary } from './cards.js';
import type { SideJobDecision } from './form.js';
import { sideJobDecisionOf, type SideJobRecord } from './views.js';

/** The latest yearly (or function-change) confirmation of an approved side job. */
function lastConfirmation(record: SideJobRecord) {
  return [...record.history].reverse().find((entry) => entry.action === 'reconfirm');
}

/** How side-job notifications appear in "mijn meldingen", "openstaand", the register and the records CLI. */
export const sideJobPresentation: RecordPresentation = {
  typeLabel: { nl: 'Nevenwerkzaamheid', en: 'Side job' },
  registerTitle: { nl: 'Register nevenwerkzaamheden', en: 'Side-job register' },
  registerCommands: [/^\s*(register nevenwerkzaamheden|nevenwerkzaamhedenregister|side job register|side-job register)[\s.!?]*$/i],
  stateLabel: (record, lang) => sideJobStateLabel(record as SideJobRecord, lang),
  summary: (record) => sideJobSummary(record as SideJobRecord),
  registerFacts(record, lang: Language, ownerName) {
    const sideJob = record as SideJobRecord;
    const { form } = sideJob.data;
    const nl = lang === 'nl';
    const facts = [
      { title: nl ? 'Medewerker' : 'Employee', value: ownerName },
      { title: nl ? 'Nevenwerkzaamheid' : 'Side job', value: form.role ? `${form.activity} (${form.role})` : form.activity },
      { title: nl ? 'Voor' : 'For', value: form.organisation },
      { title: nl ? 'Betaald' : 'Paid', value: localize(yesNoLabels[form.paid], lang) },
      { title: nl ? 'Periode' : 'Period', value: sideJobPeriod(form, lang) },
      { title: nl ? 'Band met werkgever' : 'Connection', value: localize(relationLabels[form.relationToEmployer], lang) },
      { title: 'Status', value: sideJobStateLabel(sideJob, lang) },
    ];
    const decision = sideJobDecisionOf(sideJob);
    if (decision) {
      facts.push({ title: nl ? 'Besloten op' : 'Decided on', value: formatMoment(decision.at, lang) });
      if (decision.fields.conditions) facts.push({ title: nl ? 'Voorwaarden' : 'Conditions', value: decision.fields.conditions });
    }
    const confirmed = lastConfirmation(sideJob);
    if (confirmed) facts.push({ title: nl ? 'Laatst bevestigd' : 'Last confirmed', value: formatMoment(confirmed.at, lang) });
    return facts;
  },
  detail(record, lang) {
    const sideJob = record as SideJobRecord;
    const decision = sideJobDecisionOf(sideJob);
    const parts = [sideJobPeriod(sideJob.data.form, lang)];
    if (decision?.fields.conditions) parts.push(`${lang === 'nl' ? 'voorwaarden' : 'conditions'}: ${decision.fields.conditions}`);
    return parts.join('; ');
  },
  exportRow(record, ownerName) {
    const sideJob = record as SideJobRecord;
    const { form, assessment } = sideJob.data;
    const decision = sideJobDecisionOf(sideJob);
    const advice = sideJob.history.filter((entry) => entry.action === 'advise');
    const confirmed = lastConfirmation(sideJob);
    return {
      reference: sideJob.reference,
      createdAt: sideJob.createdAt.toISOString(),
      state: sideJob.state,
      owner: sideJob.owner,
      ownerName,
      activity: form.activity,
      organisation: form.organisation,
      role: form.role ?? null,
      paid: form.paid === 'yes',
      hoursPerWeek: form.hoursPerWeek,
      duringWorkingHours: form.duringWorkingHours === 'yes',
      startDate: form.startDate,
      endDate: form.endDate ?? null,
      relationToEmployer: form.relationToEmployer,
      withinRegion: form.withinRegion === 'yes',
      assessment: assessment.outcome,
      concerns: assessment.concerns.map((concern) => concern.id).join(',') || null,
      advice: advice.map((entry) => `${entry.step}:${entry.outcome}`).join(',') || null,
      decision: (decision?.outcome as SideJobDecision | undefined) ?? null,
      decisionLabel: decision ? localize(decisionLabels[decision.outcome as SideJobDecision], 'nl') : null,
      conditions: decision?.fields.conditions ?? null,
      reasons: decision?.fields.reasons ?? null,
      decidedBy: decision?.actor ?? null,
      decidedAt: decision?.at.toISOString() ?? null,
      replaces: sideJob.data.replaces ?? null,
      lastConfirmedAt: confirmed?.at.toISOString() ?? null,
    };
  },
};
