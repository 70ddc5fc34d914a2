import { assessGift, loadAllGiftRules, type GiftOutcome, type GiftRules, type GiftSource } from '../gifts/rules.js';
import type { GiftForm, GiftKind, GiverRelation, YesNo } from '../gifts/form.js';
import { fold } from './text.js';
import type { Lang } from './types.js';

/**
 * A gift question decided by the same rules a gift notification is decided by
 * (`src/gifts/rules.ts`, per organisation `gift-rules.json`): the facts the question states
 * (value, giver, kind, delivered at home, ongoing negotiations, a return favour) fill a form,
 * `assessGift` decides, so a question and a notification with the same facts never get
 * different advice. A fact the question leaves open is only assumed when the outcome does
 * not depend on it; a yes/no fact is assumed "no" and the answer says what would change.
 */

export interface GiftFacts {
  valueEur?: number;
  giverRelation?: GiverRelation;
  kind?: GiftKind;
  deliveredAtHome?: YesNo;
  negotiationsOngoing?: YesNo;
  expectsSomethingInReturn?: YesNo;
}

type YesNoField = 'deliveredAtHome' | 'negotiationsOngoing' | 'expectsSomethingInReturn';
const YES_NO_FIELDS: YesNoField[] = ['negotiationsOngoing', 'expectsSomethingInReturn', 'deliveredAtHome'];
const RELATIONS: GiverRelation[] = ['supplier_or_contractor', 'party_in_procurement_or_negotiation', 'resident_or_client', 'other_government', 'other'];
/** Values far apart enough to cross every threshold an organisation uses. */
const PROBE_VALUES = [0, 10, 25, 49, 50, 51, 75, 100, 250, 1000, 100_000];

export interface GiftDecision {
  outcome: GiftOutcome;
  ruleId: string;
  sources: GiftSource[];
  facts: GiftFacts;
  /** Yes/no facts assumed "no" whose "yes" would give other advice. */
  exceptions: YesNoField[];
}

let allRules: Map<string, GiftRules> | undefined;

function rulesFor(orgId: string): GiftRules | undefined {
  allRules ??= loadAllGiftRules();
  return allRules.get(orgId);
}

const AMOUNT = /(?:€|eur|euro)\s*(\d{1,6}(?:[.,]\d{1,2})?)|(\d{1,6}(?:[.,]\d{1,2})?)\s*(?:,-|€|eur\b|euro|euros|pond)/i;
const SMALL_NOTES: [RegExp, number][] = [
  [/\b(vijfje)\b/, 5],
  [/\b(tientje|tenner)\b/, 10],
  [/\b(twintigje)\b/, 20],
  [/\b(briefje van (\d+))\b/, -1],
];

/** The facts of a gift a question states, in Dutch or English. */
export function giftFacts(text: string): GiftFacts {
  const folded = fold(text);
  const facts: GiftFacts = {};
  const amount = AMOUNT.exec(text.replace(/(\d)\.(\d{3})\b/g, '$1$2'));
  if (amount) facts.valueEur = Number((amount[1] ?? amount[2] ?? '').replace(',', '.'));
  else {
    for (const [pattern, value] of SMALL_NOTES) {
      const match = pattern.exec(folded);
      if (match) facts.valueEur = value >= 0 ? value : Number(match[2]);
    }
  }
  if (/\b(onderhandel\w*|aanbesteding\w*|offerte\w*|meedingt|meedoet aan|inschrijv\w*|tender\w*|negotiat\w*|bidding|bid for)\b/.test(folded)) {
    facts.giverRelation = 'party_in_procurement_or_negotiation';
    facts.negotiationsOngoing = 'yes';
  } else if (/\b(\w*leverancier\w*|aannemer\w*|\w*bureau|opdrachtnemer\w*|supplier\w*|contractor\w*|vendor\w*|consultanc\w*)\b/.test(folded)) facts.giverRelation = 'supplier_or_contractor';
  else if (/\b(inwoner\w*|burger\w*|client\w*|klant\w*|bewoner\w*|aanvrager\w*|resident\w*|citizen\w*|customer\w*)\b/.test(folded)) facts.giverRelation = 'resident_or_client';
  else if (/\b(andere gemeente|provincie|ministerie|waterschap|other municipality|another municipality|province|ministry)\b/.test(folded)) facts.giverRelation = 'other_government';
  if (/\b(cadeaubon\w*|waardebon\w*|tegoedbon\w*|\w*bon|gift ?cards?|vouchers?|geld|contant\w*|cash|envelop\w*)\b/.test(folded)) facts.kind = 'money_or_voucher';
  else if (/\b(diner\w*|etentje\w*|lunch\w*|borrel\w*|dinner\w*|drinks)\b/.test(folded)) facts.kind = 'hospitality';
  else if (/\b(uitnodig\w*|uitgenodigd|kaartje\w*|tickets?|concert\w*|wedstrijd\w*|evenement\w*|excursie\w*|reis\w*|congres\w*|invit\w*|event\w*|trip\w*|match)\b/.test(folded)) facts.kind = 'invitation';
  else if (/\b(korting\w*|gunst\w*|discount\w*|favou?r\w*)\b/.test(folded)) facts.kind = 'favour';
  if (/\b(thuis bezorgd|thuis afgeleverd|thuisbezorgd|bij mij thuis|naar mijn huis|naar huis gestuurd|huisadres|thuisadres|at home|to my home|my home address|to my house)\b/.test(folded)) facts.deliveredAtHome = 'yes';
  if (/\b(tegenprestatie\w*|wederdienst\w*|iets (voor )?terug (verwacht|wil)|iets terugverwacht|in return|return (a )?favou?r)\b/.test(folded)) facts.expectsSomethingInReturn = 'yes';
  return facts;
}

function form(facts: GiftFacts, value: number, relation: GiverRelation, yesNo: Record<YesNoField, YesNo>): GiftForm {
  return {
    description: '',
    giver: '',
    giverRelation: relation,
    kind: facts.kind ?? 'gift',
    valueEur: value,
    receivedOn: '',
    deliveredAtHome: yesNo.deliveredAtHome,
    negotiationsOngoing: yesNo.negotiationsOngoing,
    expectsSomethingInReturn: yesNo.expectsSomethingInReturn,
  };
}

/**
 * The advice the organisation's gift rules give for the facts of the question, or undefined
 * when the rules cannot decide without a fact the question does not state (the value, who
 * gave it), or the organisation has no gift rules.
 */
export function decideGift(orgId: string, text: string): GiftDecision | undefined {
  const rules = rulesFor(orgId);
  if (!rules) return undefined;
  const facts = giftFacts(text);
  const yesNo = Object.fromEntries(YES_NO_FIELDS.map((field) => [field, facts[field] ?? 'no'])) as Record<YesNoField, YesNo>;
  const values = facts.valueEur !== undefined ? [facts.valueEur] : PROBE_VALUES;
  const relations = facts.giverRelation ? [facts.giverRelation] : RELATIONS;
  // Every value and giver the question leaves open must lead to the same rule.
  const decisions = new Set<string>();
  let first: ReturnType<typeof assessGift> | undefined;
  for (const value of values) {
    for (const relation of relations) {
      const assessment = assessGift(rules, form(facts, value, relation, yesNo));
      decisions.add(assessment.ruleId);
      first ??= assessment;
    }
  }
  if (!first || decisions.size !== 1) return undefined;
  const exceptions = YES_NO_FIELDS.filter((field) => {
    if (facts[field] !== undefined) return false;
    const flipped = { ...yesNo, [field]: 'yes' as const };
    return assessGift(rules, form(facts, values[0] as number, relations[0] as GiverRelation, flipped)).outcome !== first!.outcome;
  });
  return { outcome: first.outcome, ruleId: first.ruleId, sources: first.sources, facts, exceptions };
}

const EXCEPTION_TEXT: Record<YesNoField, Record<Lang, string>> = {
  negotiationsOngoing: { nl: 'er nog gesprekken of onderhandelingen met de gever lopen', en: 'talks or negotiations with the giver are still going on' },
  expectsSomethingInReturn: { nl: 'de gever er iets voor terugverwacht', en: 'the giver expects something in return' },
  deliveredAtHome: { nl: 'het bij je thuis is bezorgd', en: 'it was delivered to your home' },
};

/** The lead of a gift answer: the outcome with its condition, in plain words. `cite` is the [n] of the rule's source. */
export function giftLead(decision: GiftDecision, lang: Lang, cite: string): string {
  const value = decision.facts.valueEur;
  const what = value !== undefined ? (lang === 'nl' ? `een geschenk van € ${formatEuro(value, lang)}` : `a gift worth EUR ${formatEuro(value, lang)}`) : lang === 'nl' ? 'dit' : 'this';
  const outcome: Record<GiftOutcome, Record<Lang, string>> = {
    may_keep_report: {
      nl: `Ja, ${what} mag je houden, maar je meldt het wel bij je leidinggevende ${cite}.`,
      en: `Yes, you may keep ${what}, but you do report it to your manager ${cite}.`,
    },
    hand_in: {
      nl: `Nee, ${what} mag je niet zelf houden: je meldt het bij je leidinggevende en levert het in bij de organisatie ${cite}.`,
      en: `No, you may not keep ${what} yourself: you report it to your manager and hand it in to the organisation ${cite}.`,
    },
    refuse_and_return: {
      nl: `Nee, ${what} mag je niet aannemen: het gaat terug naar de afzender, en je meldt het bij je leidinggevende ${cite}.`,
      en: `No, you may not accept ${what}: it goes back to the sender, and you report it to your manager ${cite}.`,
    },
    manager_decides: {
      nl: `Of je ${value !== undefined ? what : 'het'} mag aannemen, beslis je niet zelf: meld het bij je leidinggevende, die beslist ${cite}.`,
      en: `You do not decide yourself whether you may accept ${value !== undefined ? what : 'it'}: report it to your manager, who decides ${cite}.`,
    },
  };
  const lines = [outcome[decision.outcome][lang]];
  if (decision.exceptions.length > 0) {
    const parts = decision.exceptions.map((field) => EXCEPTION_TEXT[field][lang]);
    const joined = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} ${lang === 'nl' ? 'of' : 'or'} ${parts.at(-1)}`;
    lines.push(lang === 'nl' ? `Dat is anders als ${joined}.` : `That is different if ${joined}.`);
  }
  return lines.join(' ');
}

function formatEuro(value: number, lang: Lang): string {
  if (Number.isInteger(value)) return String(value);
  return lang === 'nl' ? value.toFixed(2).replace('.', ',') : value.toFixed(2);
}
