import { describe, expect, it } from 'vitest';
import { loadBuiltInKnowledgeBase } from '../../src/knowledge/index.js';
import type { PolicyKnowledgeBase } from '../../src/knowledge/kb.js';
import { loadThemeCatalogue, themeCatalogueSchema, withinOneEdit } from '../../src/knowledge/themes.js';

const knowledge = loadBuiltInKnowledgeBase() as PolicyKnowledgeBase;
const catalogue = loadThemeCatalogue();
const organisationOf = new Map(knowledge.documents().map((doc) => [doc.id, doc.organisation]));

function themesOf(text: string, lang: 'nl' | 'en' = 'nl'): string[] {
  return knowledge.matchVocabulary(text, lang).themes.map((hit) => catalogue.themes[hit.theme]?.id ?? '?');
}

describe('the integrity themes (themes.json)', () => {
  it('covers the themes the policies cover, each with Dutch and English words', () => {
    const ids = catalogue.themes.map((theme) => theme.id);
    for (const id of ['gifts', 'sidejobs', 'financial_interests', 'confidentiality', 'social_media', 'employer_property', 'private_dealings', 'relationships', 'unwanted_behaviour', 'reporting', 'oath', 'screening', 'sanctions', 'conflicts_procurement', 'after_leaving']) {
      expect(ids).toContain(id);
    }
    for (const theme of catalogue.themes) {
      expect(theme.vocabulary.nl.strong.length, theme.id).toBeGreaterThan(0);
      expect(theme.vocabulary.en.strong.length, theme.id).toBeGreaterThan(0);
    }
  });

  it('lists sections that resolve to passages of the organisation itself, the national or the background texts', () => {
    const unresolved: string[] = [];
    for (const theme of catalogue.themes) {
      const refs = [...Object.entries(theme.sections), ...Object.entries(theme.external ?? {})];
      for (const [scope, list] of refs) {
        for (const ref of list) {
          const passages = knowledge.themeSectionPassages(ref.doc, ref.section, ref.contains);
          if (passages.length === 0) unresolved.push(`${theme.id} ${scope}: ${ref.doc} / ${ref.section}${ref.contains ? ` / "${ref.contains}"` : ''}`);
          expect([scope, 'national', 'background'], `${theme.id}: ${ref.doc} for ${scope}`).toContain(organisationOf.get(ref.doc));
        }
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('rejects a malformed file with the path of the problem', () => {
    const broken = structuredClone(catalogue) as { themes: { vocabulary: { nl: { strong: string[] } } }[] };
    broken.themes[0]!.vocabulary.nl.strong.push('ca*deau');
    const result = themeCatalogueSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(() => loadThemeCatalogue({ themes: [] })).toThrow(/themes\.json/);
  });

  it('finds themes from everyday words: informal, diminutives, compounds, typos and English', () => {
    expect(themesOf('Ik heb een kerstpakketje gekregen van een aannemer')).toContain('gifts');
    expect(themesOf('mag ik een bijbaantje nemen als bezorger')).toContain('sidejobs');
    expect(themesOf('Mag ik een afscheidscadeau aannemen?')).toContain('gifts');
    expect(themesOf('wie is de vertrouwenspersson hier')).toContain('contacts');
    expect(themesOf('Ik word steeds gepest door mijn teamleider')).toContain('unwanted_behaviour');
    expect(themesOf('Can I keep a bottle of wine from a supplier?', 'en')).toContain('gifts');
    expect(themesOf('Do I have to report my shares?', 'en')).toContain('financial_interests');
    expect(themesOf('Mag ik met de dienstauto naar de supermarkt?')).toContain('employer_property');
    expect(themesOf('Moet ik de plannen van de wethouder geheimhouden tot ze openbaar zijn?')).toContain('confidentiality');
    expect(themesOf('Welk papiertje van justitie heb ik nodig voor mijn nieuwe baan, zo n verklaring?')).toContain('screening');
    expect(themesOf('Is it fine to put a taxi ride home after the council meeting on my expenses?', 'en')).toContain('employer_property');
    expect(themesOf('Een klant pakte me bij de balie vast')).toContain('unwanted_behaviour');
    expect(themesOf('Kan ik dit kwijt zonder dat ze weten wie het zei?')).toContain('reporting');
  });

  it('does not read one word as another: a stem, a compound part or a typo must really be the word', () => {
    // "aangesteld" is no "stelen", "parkeervergunning" no "gunning", "stallen" no "stalken", "volgens" no "gevolgen".
    expect(themesOf('Is er een verantwoordelijk ambtenaar aangesteld?')).not.toContain('reporting');
    expect(themesOf('Hoeveel kost een parkeervergunning?')).not.toContain('conflicts_procurement');
    expect(themesOf('Kan ik mijn fiets in de kelder stallen?')).not.toContain('unwanted_behaviour');
    expect(themesOf('Hoe gaat het volgens jou?')).not.toContain('sanctions');
    // "presenting" is no "present", "volgen" no "gevolgen", "second" no "seconded".
    expect(themesOf('How do I get better at presenting my plans?', 'en')).not.toContain('gifts');
    expect(themesOf('Kan ik een cursus volgen?')).not.toContain('reporting');
    expect(themesOf('I need a second opinion', 'en')).not.toContain('policy_scope');
    expect(themesOf('Can I keep the presents a resident gave me?', 'en')).toContain('gifts');
    // An English phrase keeps its words together: a second screen for the home office is no second home.
    expect(themesOf('Where do I order a second chair for my home workplace?', 'en')).not.toContain('financial_interests');
    expect(themesOf('Do I have to report my second home?', 'en')).toContain('financial_interests');
    expect(withinOneEdit('nevenfuntie', 'nevenfunctie')).toBe(true);
    expect(withinOneEdit('klokenluider', 'klokkenluider')).toBe(true);
    expect(withinOneEdit('stallen', 'stelen')).toBe(false);
    // A substitution is a neighbouring key, a sound-alike or a doubled letter; other words are words of their own.
    expect(withinOneEdit('nevenfinctie', 'nevenfunctie')).toBe(true);
    expect(withinOneEdit('geheimhoudingsplict', 'geheimhoudingsplicht')).toBe(true);
    expect(withinOneEdit('vertrouwenspersson', 'vertrouwenspersoon')).toBe(true);
    expect(withinOneEdit('aanraden', 'aanraken')).toBe(false);
    expect(withinOneEdit('verhogen', 'vermogen')).toBe(false);
    expect(themesOf('Welke podcast over timemanagement kun je aanraden?')).not.toContain('unwanted_behaviour');
    // A closing "als" introduces a job only after the phrase's other words; before them it is "if".
    const sidejobConfidence = (text: string) => knowledge.matchVocabulary(text, 'nl').themes.find((hit) => catalogue.themes[hit.theme]?.id === 'sidejobs')?.confidence ?? 0;
    expect(sidejobConfidence('Als ik in het weekend een feestje heb, mag ik dan eerder weg?')).toBeLessThan(1);
    expect(sidejobConfidence('Ik sta in het weekend als kok in een restaurant, moet ik dat melden?')).toBe(1);
  });

  it('names off-topic subjects and the contact roles a question asks for', () => {
    const offTopic = (text: string, lang: 'nl' | 'en' = 'nl') => knowledge.matchVocabulary(text, lang).offTopics.map((index) => catalogue.offTopics[index]?.id);
    expect(offTopic('Wanneer wordt mijn salaris gestort?')).toContain('pay');
    expect(offTopic('Hoeveel verlofuren heb ik nog?')).toContain('leave');
    expect(offTopic('How do I set up the VPN?', 'en')).toContain('it_support');
    expect(knowledge.matchVocabulary('Wie is de vertrouwenspersoon?', 'nl').roles).toEqual(expect.arrayContaining(['vertrouwenspersoon_integriteit', 'vertrouwenspersoon_ongewenst_gedrag']));
    expect(knowledge.matchVocabulary('Moet ik dat bij mijn leidinggevende melden?', 'nl').roles).toContain('manager');
  });
});
