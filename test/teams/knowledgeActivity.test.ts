import { describe, expect, it } from 'vitest';
import { loadBuiltInKnowledgeBase, type KnowledgeAnswer } from '../../src/knowledge/index.js';
import { toAnswerActivity } from '../../src/teams/knowledgeActivity.js';
import { expectValidAnswerCard } from './answerCard.js';

const knowledge = loadBuiltInKnowledgeBase();

function ask(orgId: string, text: string, lang: 'nl' | 'en' = 'nl'): KnowledgeAnswer {
  return knowledge.answer({ orgId, text, lang });
}

describe('toAnswerActivity', () => {
  it('builds the Teams message with citations, feedback buttons, the folded articles and the next step', () => {
    const answer = ask('velsen', 'Mag ik een cadeaubon van 25 euro van een inwoner houden?');
    const activity = toAnswerActivity(answer, 'nl');
    expect(activity.type).toBe('message');
    expect(activity.text).toContain('[1]');
    expect(activity.channelData).toEqual({ feedbackLoop: { type: 'default' } });
    const entity = activity.entities?.[0] as unknown as Record<string, unknown> & { citation: { position: number; appearance: { name: string; abstract: string } }[] };
    expect(entity).toMatchObject({ type: 'https://schema.org/Message', '@type': 'Message', '@context': 'https://schema.org', '@id': '' });
    expect(entity.additionalType).toBeUndefined();
    expect(entity.citation.map((claim) => claim.position)).toEqual(answer.citations.map((_, index) => index + 1));
    for (const claim of entity.citation) {
      expect(claim.appearance.name.length).toBeLessThanOrEqual(80);
      expect(claim.appearance.abstract.length).toBeLessThanOrEqual(160);
    }
    const card = activity.attachments?.[0]?.content as any;
    expectValidAnswerCard(card);
    expect(card.actions[0]).toEqual({ type: 'Action.ToggleVisibility', title: 'Toon de artikelen', targetElements: ['articles'] });
    expect(card.actions[1]).toMatchObject({ type: 'Action.Submit', data: { verb: 'gift.start' }, title: 'Geschenk of uitnodiging melden' });
    // The articles are folded away, and hold the whole article 5 (every lid) once.
    const articles = card.body.find((element: any) => element.id === 'articles');
    expect(articles.isVisible).toBe(false);
    const articleText = articles.items.map((item: any) => item.text).join('\n');
    expect(articleText).toMatch(/Artikel 5 – Gedragscode ambtelijke integriteit Gemeente Velsen/);
    expect(articleText).toContain('1. “Het is de werknemer niet toegestaan');
    expect(articleText).toMatch(/5\. Geschenken, uitnodigingen, gunsten of gelden die niet kunnen worden geaccepteerd, worden geretourneerd aan de afzender\.”/);
    expect(articleText.match(/Artikel 5 –/g)).toHaveLength(1);
  });

  it('labels model answers as AI-generated and offers no next step when declining', () => {
    const llm = toAnswerActivity({ answer: 'Ja [1].', citations: [{ documentId: 'd', title: 't', section: 's', quote: 'q' }], outOfScope: false, mode: 'llm', topic: 'sidejobs' }, 'en');
    expect((llm.entities?.[0] as unknown as { additionalType: string[] }).additionalType).toEqual(['AIGeneratedContent']);
    const llmCard = llm.attachments?.[0]?.content as any;
    expectValidAnswerCard(llmCard);
    expect(llmCard.actions.map((action: any) => action.title)).toEqual(['Show the articles', 'Report a side job']);
    const declined = toAnswerActivity(ask('velsen', 'Wie wint de Champions League dit jaar?'), 'nl');
    expect(declined.attachments).toBeUndefined();
    expect((declined.entities?.[0] as unknown as { citation: unknown[] }).citation).toEqual([]);
  });
});
