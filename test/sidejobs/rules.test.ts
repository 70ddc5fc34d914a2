import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/cards/forms.js';
import { loadOrganisationFiles } from '../../src/directory/organisations.js';
import { loadBuiltInKnowledgeBase } from '../../src/knowledge/index.js';
import { createLogger } from '../../src/logging/logger.js';
import { sideJobCard } from '../../src/sidejobs/cards.js';
import { createSideJobDefinition, sideJobChainProblems } from '../../src/sidejobs/definition.js';
import { parseHours, SIDE_JOB_LIMITS, sideJobFormSpec, type SideJobForm } from '../../src/sidejobs/form.js';
import { reconfirmationCard } from '../../src/sidejobs/reconfirmation.js';
import { assessSideJob, loadAllSideJobRules, sideJobRulesSchema } from '../../src/sidejobs/rules.js';
import { SideJobViews, type SideJobRecord } from '../../src/sidejobs/views.js';
import { expectValidCard } from '../gifts/support.js';

const rules = loadAllSideJobRules();
const knowledge = loadBuiltInKnowledgeBase();
const organisations = loadOrganisationFiles();
const now = new Date('2026-03-10T10:00:00+01:00');

const form: SideJobForm = {
  activity: 'Penningmeester',
  organisation: 'Voetbalvereniging',
  paid: 'no',
  hoursPerWeek: 2,
  duringWorkingHours: 'no',
  startDate: '2026-04-01',
  relationToEmployer: 'none',
  withinRegion: 'no',
  ownAssessment: 'Vrijwilligerswerk',
};

describe('side-job rules as data', () => {
  it('has a valid rules file for every organisation', () => {
    expect([...rules.keys()].sort()).toEqual(organisations.map((org) => org.id).sort());
  });

  it('cites only sections the knowledge base resolves to a non-empty quote', () => {
    for (const [orgId, file] of rules) {
      const sources = [...file.duty.sources, ...file.publication.sources, ...file.decider.sources, ...file.concerns.flatMap((concern) => concern.sources)];
      for (const source of sources) {
        expect(knowledge.section(source.documentId, source.section)?.quote.trim().length ?? 0, `${orgId}: ${source.documentId} ${source.section}`).toBeGreaterThan(20);
      }
    }
  });

  it('configures each organisation’s chain as its policy describes it', () => {
    const chain = (orgId: string) => rules.get(orgId)!.chain.map((step) => `${step.actor}:${step.actions.join('+')}`);
    expect(chain('werksaam')).toEqual(['manager:advise+return', 'hr:advise', 'decision_body:dagelijks_bestuur:decide']);
    expect(chain('velsen')).toEqual(['manager:decide+return']);
    expect(chain('heerde')).toEqual(['manager:decide+refer+return', 'decision_body:college:decide']);
    expect(chain('heemskerk')).toEqual(['hr:advise', 'manager:decide+return']);
    expect(rules.get('heemskerk')!.reconfirmationMonth).toBe(2);
  });

  it('refuses chains that cannot end in a decision, and decision bodies an organisation does not have', () => {
    const base = rules.get('werksaam')!;
    const withChain = (chain: unknown[]) => sideJobRulesSchema.safeParse({ ...base, chain });
    const step = (id: string, actor: string, actions: string[]) => ({ id: `step_${id}`, label: { nl: id, en: id }, actor, actions });
    expect(withChain([step('a', 'manager', ['advise'])]).success).toBe(false);
    expect(withChain([step('a', 'manager', ['decide', 'refer'])]).success).toBe(false);
    expect(withChain([step('a', 'manager', ['advise', 'decide']), step('b', 'hr', ['decide'])]).success).toBe(false);
    expect(withChain([step('a', 'manager', ['approve'])]).success).toBe(false);
    expect(withChain([step('a', 'manager', ['advise']), step('b', 'decision_body:college', ['decide'])]).success).toBe(true);
    const definition = createSideJobDefinition({ directory: { person: async () => undefined, organisation: async () => undefined }, knowledge, logger: createLogger('silent'), now: () => now }, rules);
    const wrongBody = new Map([['werksaam', { ...base, chain: [step('a', 'manager', ['advise']), step('b', 'decision_body:college', ['decide'])] }]]) as typeof rules;
    expect(sideJobChainProblems(definition, wrongBody, organisations)).toEqual(['werksaam: step step_b names decision_body:college, which organisation.json does not define']);
    expect(sideJobChainProblems(definition, rules, organisations)).toEqual([]);
  });
});

describe('the first assessment', () => {
  it('names each concern that applies, and publication only for designated functions', () => {
    const velsen = rules.get('velsen')!;
    expect(assessSideJob(velsen, form, false)).toMatchObject({ outcome: 'no_concerns', concerns: [] });
    const risky = assessSideJob(velsen, { ...form, relationToEmployer: 'supplier_or_contractor', duringWorkingHours: 'yes' }, true);
    expect(risky.outcome).toBe('possible_conflict');
    expect(risky.concerns.map((concern) => concern.id)).toEqual(['supplier-or-contractor', 'during-working-hours']);
    expect(risky.concerns[0]!.sources).toContainEqual({ documentId: 'ambtenarenwet-2017', section: 'Artikel 8 lid 1' });
    expect(risky.publication?.sources).toEqual([{ documentId: 'ambtenarenwet-2017', section: 'Artikel 5 lid 1' }]);
    const werksaam = rules.get('werksaam')!;
    expect(assessSideJob(werksaam, { ...form, relationToEmployer: 'same_policy_field', withinRegion: 'yes' }, false).concerns.map((concern) => concern.id)).toEqual(['same-policy-field', 'within-region']);
    expect(assessSideJob(werksaam, { ...form, withinRegion: 'yes' }, false).concerns).toEqual([]);
  });
});

describe('the side-job form', () => {
  const spec = sideJobFormSpec(now);
  const valid = { formId: randomUUID(), activity: 'Penningmeester', organisation: 'VV', role: '', paid: 'no', hoursPerWeek: '2,5', duringWorkingHours: 'no', startDate: '2026-04-01', endDate: '', relationToEmployer: 'none', withinRegion: 'no', ownAssessment: 'Vrije tijd' };

  it('reads half hours with a comma, and keeps an open-ended side job open', () => {
    const parsed = parseForm(valid, spec);
    expect(parsed.kind === 'valid' && parsed.value.form.hoursPerWeek).toBe(2.5);
    expect(parsed.kind === 'valid' && ('endDate' in parsed.value.form || 'role' in parsed.value.form)).toBe(false);
    expect([parseHours('4'), parseHours('2.5'), parseHours('80'), parseHours('81'), parseHours('-1'), parseHours('veel')]).toEqual([4, 2.5, 80, undefined, undefined, undefined]);
  });

  it('puts a Dutch message at each wrong field and keeps what was typed', () => {
    const parsed = parseForm({ ...valid, activity: ' ', hoursPerWeek: '100', paid: 'misschien' }, spec);
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind !== 'invalid') return;
    expect(parsed.errors.activity?.nl).toBe('Dit veld is verplicht.');
    expect(parsed.errors.hoursPerWeek?.nl).toContain('tussen 0 en 80');
    expect(parsed.errors.paid?.nl).toBe('Kies een van de mogelijkheden.');
    expect(parsed.values.hoursPerWeek).toBe('100');
    const reversed = parseForm({ ...valid, endDate: '2026-03-31' }, spec);
    expect(reversed.kind === 'invalid' && reversed.errors.endDate?.nl).toBe('De einddatum ligt vóór de begindatum.');
    const past = parseForm({ ...valid, startDate: '2025-01-01', endDate: '2026-03-09' }, spec);
    expect(past.kind === 'invalid' && past.errors.endDate?.nl).toContain('al afgelopen');
  });

  it('refuses data that did not come from the card: operator keys, unknown fields, oversized text', () => {
    for (const hostile of [{ ...valid, $where: '1' }, { ...valid, owner: 'someone' }, { ...valid, activity: 'x'.repeat(5000) }, { ...valid, formId: 'not-a-uuid' }, { ...valid, organisation: { $ne: null } }]) {
      expect(parseForm(hostile, spec).kind).toBe('rejected');
    }
  });
});

describe('card size', () => {
  it('keeps the largest side-job cards and the reconfirmation card well under the Teams limit', async () => {
    const people = new Map([['owner', 'Medewerker Met Een Lange Naam'], ['a', 'Adviseur'], ['b', 'Bestuurder']]);
    const views = new SideJobViews({
      directory: { person: async (id) => (people.has(id) ? ({ aadObjectId: id, name: people.get(id)!, function: 'Functie' } as never) : undefined), organisation: async () => undefined },
      knowledge,
      logger: createLogger('silent'),
    });
    const werksaam = rules.get('werksaam')!;
    const longest: SideJobForm = {
      activity: 'a'.repeat(SIDE_JOB_LIMITS.activity),
      organisation: 'o'.repeat(SIDE_JOB_LIMITS.organisation),
      role: 'r'.repeat(SIDE_JOB_LIMITS.role),
      paid: 'yes',
      hoursPerWeek: 80,
      duringWorkingHours: 'yes',
      startDate: '2026-04-01',
      endDate: '2027-04-01',
      relationToEmployer: 'same_policy_field',
      withinRegion: 'yes',
      ownAssessment: 'é'.repeat(SIDE_JOB_LIMITS.ownAssessment),
    };
    const at = new Date('2026-03-10T09:00:00Z');
    const long = 'x'.repeat(SIDE_JOB_LIMITS.explanation);
    const record: SideJobRecord = {
      _id: '6c1b1f0e-1f0e-4a4a-8a8a-1b1f0e1f0e1f',
      schemaVersion: 1,
      type: 'sidejob',
      orgId: 'werksaam',
      year: 2026,
      sequence: 9999,
      reference: 'ABCDE-N-2026-9999',
      idempotencyKey: 'k',
      owner: 'owner',
      ownerLang: 'nl',
      state: 'awaiting_board_decision',
      assignees: ['b'],
      participants: ['a', 'b'],
      version: 4,
      data: { form: longest, assessment: { ...assessSideJob(werksaam, longest, true), concerns: werksaam.concerns }, steps: werksaam.chain.map(({ id, label }) => ({ id, label })) },
      route: werksaam.chain.map((step) => ({ id: step.id, actor: { kind: 'manager' }, actions: step.actions, deadline: { workingDays: 10 }, reminders: [], escalation: { upTheChain: false, roles: [] } })),
      step: { id: 'board_decision', startedAt: at, dueAt: at, remindAt: [], remindersSent: 0, overdue: false },
      history: [
        { step: 'manager_advice', action: 'return', outcome: 'changes_requested', actor: 'a', at, fields: { reasoning: long } },
        { step: 'manager_advice', action: 'resubmit', outcome: 'resubmitted', actor: 'owner', at, fields: {} },
        { step: 'manager_advice', action: 'advise', outcome: 'positive_with_conditions', actor: 'a', at, fields: { conditions: long, reasoning: long } },
        { step: 'hr_advice', action: 'advise', outcome: 'negative', actor: 'a', at, fields: { reasoning: long } },
      ],
      nextDueAt: at,
      createdAt: at,
      updatedAt: at,
      closedAt: null,
    };
    const actor = sideJobCard(await views.of(record, ['decide']), { aadObjectId: 'b', lang: 'nl', actions: ['decide'], isOwner: false }, 'reminder', now, {
      action: 'decide',
      values: { decision: 'approved_with_conditions', conditions: long, reasons: '' },
      errors: { reasons: { nl: 'Geef een motivering.', en: 'Give reasons.' } },
    });
    expectValidCard(actor);
    const owner = sideJobCard(await views.of(record, ['withdraw']), { aadObjectId: 'owner', lang: 'en', actions: ['withdraw'], isOwner: true }, 'update', now);
    expectValidCard(owner);
    const decided: SideJobRecord = { ...record, state: 'approved_with_conditions', step: null, closedAt: at, history: [...record.history, { step: 'board_decision', action: 'decide', outcome: 'approved_with_conditions', actor: 'b', at, fields: { conditions: long, reasons: long } }] };
    expectValidCard(sideJobCard(await views.of(decided), { aadObjectId: 'a', lang: 'nl', actions: [], isOwner: false }, 'stale', now));
    expectValidCard(reconfirmationCard({ lang: 'nl', round: 'yearly-2027', reason: 'yearly', items: Array.from({ length: 10 }, () => ({ record: decided })) }));
  });
});
