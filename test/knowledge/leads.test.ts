import { describe, expect, it } from 'vitest';
import type { GiftForm, GiverRelation } from '../../src/gifts/form.js';
import { assessGift, loadAllGiftRules } from '../../src/gifts/rules.js';
import { answerWithDirectory, loadBuiltInKnowledgeBase, type ContactDirectory } from '../../src/knowledge/index.js';
import { markdownQuote } from '../../src/knowledge/answer.js';
import { evaluationSets } from '../../src/knowledge/evalSets.js';
import { readEvalQuestions } from '../../src/knowledge/evaluation.js';
import { decideGift, giftFacts } from '../../src/knowledge/giftAdvice.js';
import { detectLanguage, detectLanguageOf } from '../../src/knowledge/language.js';

const knowledge = loadBuiltInKnowledgeBase();

describe('gift questions and gift notifications never disagree', () => {
  const rules = loadAllGiftRules();
  const relations: [string, GiverRelation][] = [
    ['een leverancier', 'supplier_or_contractor'],
    ['een inwoner', 'resident_or_client'],
    ['een bedrijf waarmee we in onderhandeling zijn', 'party_in_procurement_or_negotiation'],
  ];

  it('gives the outcome assessGift gives the same facts, for every organisation', () => {
    let decided = 0;
    for (const [orgId, orgRules] of rules) {
      for (const value of [10, 35, 50, 51, 80, 200]) {
        for (const [giver, relation] of relations) {
          for (const home of [false, true]) {
            const text = `Mag ik een cadeau van ${value} euro van ${giver} houden?${home ? ' Het is bij mij thuis bezorgd.' : ''}`;
            const decision = decideGift(orgId, text);
            const form: GiftForm = {
              description: 'cadeau',
              giver: 'x',
              giverRelation: relation,
              kind: 'gift',
              valueEur: value,
              receivedOn: '2026-03-01',
              deliveredAtHome: home ? 'yes' : 'no',
              negotiationsOngoing: relation === 'party_in_procurement_or_negotiation' ? 'yes' : 'no',
              expectsSomethingInReturn: 'no',
            };
            expect(decision, `${orgId}: ${text}`).toBeDefined();
            expect(decision?.outcome, `${orgId}: ${text}`).toBe(assessGift(orgRules, form).outcome);
            decided++;
          }
        }
      }
    }
    expect(decided).toBeGreaterThan(100);
  });

  it('leaves undecided what depends on a fact the question does not state', () => {
    // Velsen's rules depend on the value; Heemskerk's do not.
    expect(decideGift('velsen', 'Mag ik een cadeau van een leverancier houden?')).toBeUndefined();
    expect(decideGift('heemskerk', 'Mag ik een cadeau van een leverancier houden?')?.outcome).toBe('manager_decides');
    expect(giftFacts('Ik kreeg een dinerbon van € 75,50 van de aannemer')).toMatchObject({ valueEur: 75.5, kind: 'money_or_voucher', giverRelation: 'supplier_or_contractor' });
    expect(giftFacts('Can I keep a bottle of wine worth 20 euros from a supplier?')).toMatchObject({ valueEur: 20, giverRelation: 'supplier_or_contractor' });
  });

  it('says in the lead what the rules say, with the exception that would change it', () => {
    const answer = knowledge.answer({ orgId: 'velsen', text: 'Mag ik een kerstpakket van 80 euro van een aannemer houden?', lang: 'nl' });
    expect(answer.view?.lead).toMatch(/^Nee, een geschenk van € 80 mag je niet zelf houden: je meldt het bij je leidinggevende en levert het in bij de organisatie \[1\]\./);
    expect(answer.citations[0]).toMatchObject({ documentId: 'velsen-gedragscode', section: 'Artikel 5 lid 2' });
    const english = knowledge.answer({ orgId: 'werksaam', text: 'Can I accept a gift card of 30 euros from a client?', lang: 'en' });
    expect(english.view?.lead).toMatch(/^Yes, you may keep a gift worth EUR 30, but you do report it to your manager \[1\]\./);
  });
});

describe('the lead of every answer', () => {
  const questions = evaluationSets().flatMap((set) => readEvalQuestions(set.file)).filter((question) => !question.out_of_scope);

  it('is one to three sentences, never starts by referring back, and at most two quotes are shown', () => {
    const problems: string[] = [];
    for (const question of questions) {
      const answer = knowledge.answer({ orgId: question.org, text: question.question, lang: question.lang ?? detectLanguage(question.question) });
      if (answer.outOfScope) continue;
      const lead = answer.view?.lead ?? '';
      const sentences = lead.replace(/“[^”]*”/g, 'Q').replace(/\([^)]*\)/g, '').split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter(Boolean);
      if (lead === '') problems.push(`${question.id}: no lead`);
      if (sentences.length > 3) problems.push(`${question.id}: ${sentences.length} sentences`);
      if (/^(daar|deze|dit|dat|die|als daar|hiermee|hierin)\b/i.test(lead)) problems.push(`${question.id}: refers back: ${lead.slice(0, 60)}`);
      if ((answer.view?.quotes.length ?? 0) > 2) problems.push(`${question.id}: ${answer.view?.quotes.length} quotes`);
      for (const quote of answer.view?.quotes ?? []) if (quote.text.length > 700) problems.push(`${question.id}: quote of ${quote.text.length} characters`);
    }
    expect(problems).toEqual([]);
  });

  it('states the outcome of a permission question with the sentence that says it', () => {
    const answer = knowledge.answer({ orgId: 'heerde', text: 'Mag ik spullen van de gemeente voor privé gebruiken?', lang: 'nl' });
    expect(answer.view?.lead).toMatch(/^In principe niet\. Onder ‘Gebruik van gemeentelijke voorzieningen, faciliteiten en middelen’ staat: “Het gebruikmaken van gemeentelijke voorzieningen en faciliteiten voor privédoeleinden is in principe niet toegestaan\.” \[\d\]/);
    const borrow = knowledge.answer({ orgId: 'velsen', text: 'Mag ik spullen van het werk lenen voor privé?', lang: 'nl' });
    expect(borrow.view?.lead).toMatch(/Alleen met toestemming\. Artikel 6 lid 3 zegt: “.*alleen mogelijk met toestemming van de leidinggevende\.” \[1\]/);
  });

  it('leads a duty question with the item of a list that is about it, and cites the organisation’s own article', () => {
    // Ambtenarenwet art. 8 lid 2 lists the side-job duty (a) before the financial-interests one (b).
    const heerde = knowledge.answer({ orgId: 'heerde', text: 'Moet ik mijn aandelen melden?', lang: 'nl' });
    expect(heerde.view?.lead).toMatch(/melding te doen van zijn financiële belangen/);
    expect(heerde.view?.lead).not.toMatch(/nevenwerkzaamheden/);
    // Velsen's own article 8 governs it: cited before a second text of the national law.
    const velsen = knowledge.answer({ orgId: 'velsen', text: 'Moet ik mijn aandelen melden?', lang: 'nl' });
    expect(velsen.citations.map((citation) => `${citation.documentId}#${citation.section}`)).toContain('velsen-gedragscode#Artikel 8 lid 1');
  });

  it('leads with a sentence about the question’s theme rather than a close one about another theme', () => {
    // "For money" shares a word with the gift item of the same article; the question is about a side job.
    const lessons = knowledge.answer({ orgId: 'heerde', text: "I'd like to give painting classes on Saturdays for money. Is that allowed, and must my manager know?", lang: 'en' });
    expect(lessons.view?.lead).toMatch(/nevenwerkzaamheden/);
    expect(lessons.view?.lead).not.toMatch(/giften/);
    // Breaking the rules is answered with the enforcement section, not the oath that shares "regels".
    const breach = knowledge.answer({ orgId: 'heemskerk', text: 'welke straf krijg je eigenlijk als je de regels breekt? maakt het uit hoe ernstig het is?', lang: 'nl' });
    expect(breach.view?.lead).toMatch(/plichtsverzuim/);
    // A sentence that names only whom to turn to keeps its lead.
    const external = knowledge.answer({ orgId: 'werksaam', text: 'Ik denk dat mijn teamleider met declaraties sjoemelt. Kan ik dat ook meteen extern melden?', lang: 'nl' });
    expect(external.view?.lead).toMatch(/extern/);
  });

  it('says honestly when the match is weak, and still gives the route to a person', () => {
    const answer = knowledge.answer({ orgId: 'velsen', text: 'Mag ik een tablet gebruiken tijdens de vergadering?', lang: 'nl' });
    expect(answer.outOfScope).toBe(false);
    expect(answer.view?.framing).toBe('weak');
    expect(answer.view?.lead).toMatch(/^Ik weet niet zeker of dit je vraag beantwoordt; dit zeggen de regels van de gemeente Velsen over /);
    expect(answer.view?.closing).toMatch(/Bespreek het met je leidinggevende/);
  });

  it('names the people the directory knows, and the outside routes the policy names', async () => {
    const directory: ContactDirectory = {
      async peopleWithRole(orgId, role) {
        if (orgId !== 'werksaam') return [];
        return role === 'vertrouwenspersoon_integriteit' ? [{ name: 'Jan Smit', upn: 'jan.smit@werksaam.example' }] : [];
      },
      async managerChain() {
        return [{ name: 'Ellen Kramer', upn: 'ellen.kramer@werksaam.example' }];
      },
    };
    const answer = await answerWithDirectory(knowledge, { orgId: 'werksaam', text: 'Bij wie kan ik een vermoeden van fraude melden?', lang: 'nl' }, directory, 'someone');
    expect(answer.view?.lead).toMatch(/^Je kunt terecht bij de vertrouwenspersoon integriteit, Jan Smit \(jan\.smit@werksaam\.example\)\./);
    expect(answer.view?.lead).toMatch(/Buiten de organisatie kun je ook terecht bij het Huis voor Klokkenluiders \(extern meldpunt\) \[\d\]/);
    expect(answer.view?.closing).toContain('Ellen Kramer (ellen.kramer@werksaam.example)');
    // A directory that fails leaves the answer without names, not without an answer.
    const broken: ContactDirectory = { peopleWithRole: () => Promise.reject(new Error('down')), managerChain: () => Promise.reject(new Error('down')) };
    const without = await answerWithDirectory(knowledge, { orgId: 'werksaam', text: 'Bij wie kan ik een vermoeden van fraude melden?', lang: 'nl' }, broken, 'someone');
    expect(without.outOfScope).toBe(false);
    expect(without.answer).not.toContain('Jan Smit');
  });
});

describe('quotes with lists', () => {
  it('render items as a Markdown list that keeps its quote marks', () => {
    expect(markdownQuote('Het is de ambtenaar niet toegestaan:\n   a. nevenwerkzaamheden te verrichten;\n   b. deel te nemen aan leveringen.')).toBe(
      '“Het is de ambtenaar niet toegestaan:\n- a. nevenwerkzaamheden te verrichten;\n- b. deel te nemen aan leveringen.”',
    );
    expect(markdownQuote('1. Eerste lid.\n\n2. Tweede lid.')).toBe('1. “Eerste lid.\n2. Tweede lid.”');
    expect(markdownQuote('Eén zin.')).toBe('“Eén zin.”');
  });
});

describe('the language of a question', () => {
  it('comes from its words, not the client', () => {
    expect(detectLanguageOf('What are the rules for side jobs?')).toBe('en');
    expect(detectLanguageOf('Mag ik een kerstpakket houden?')).toBe('nl');
    expect(detectLanguageOf('Can I keep a kerstpakket?')).toBe('en');
    expect(detectLanguageOf('is het ok als ik ff een side job doe')).toBe('nl');
    expect(detectLanguageOf('VOG?')).toBeUndefined();
    expect(detectLanguage('VOG?', 'en')).toBe('en');
  });
});

describe('outcome words', () => {
  it('are left out when the sentence is not about what was asked', () => {
    // "Lekt geen vertrouwelijke informatie" shares words with working at home on confidential
    // files, but does not answer it: no "Nee." in front of it.
    const answer = knowledge.answer({ orgId: 'velsen', text: 'Mag ik thuis aan vertrouwelijke dossiers werken?', lang: 'nl' });
    expect(answer.view?.lead).not.toMatch(/^(Nee|Ja|Alleen|In principe)/);
    // Nor when the section names an exception the sentence alone would hide.
    const oath = knowledge.answer({ orgId: 'werksaam', text: 'Ik zit bij een SW-bedrijf van WerkSaam, moet ik de eed afleggen?', lang: 'nl' });
    expect(oath.view?.lead).not.toMatch(/^Ja, dat moet/);
  });
});
