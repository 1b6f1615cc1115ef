// @vitest-environment jsdom
/**
 * Suggestions on the demo article (`demo/article.html`), judged against its hand-written gold set: every comment
 * that answers a claim among the three suggestions, with the passage that answers it as the excerpt, and the
 * stance it takes proposed where its words say so. The off-topic comment is never suggested.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractComments } from './extract';
import { DEMO_GOLD, excerptHits } from './fixtures/suggestion-gold';
import { suggestRebuttals } from './suggest';

const DEMO = resolve(import.meta.dirname, '../../demo/article.html');

describe('suggestRebuttals on the demo article', () => {
  const comments = extractComments(new DOMParser().parseFromString(readFileSync(DEMO, 'utf8'), 'text/html'));
  const textOf = (id: string) => comments.find((comment) => comment.id === id)?.text ?? '';

  for (const { claim, answers } of DEMO_GOLD) {
    it(`suggests ${answers.map((a) => a.commentId).join(' and ')} with the answering passage for “${claim.slice(0, 50)}…”`, () => {
      const top = suggestRebuttals(claim, comments, 3);
      for (const answer of answers) {
        const found = top.find((suggestion) => suggestion.commentId === answer.commentId);
        expect(found, answer.commentId).toBeDefined();
        expect(excerptHits(textOf(answer.commentId), found?.excerpt, answer.passages), answer.commentId).toBe(
          true,
        );
      }
      expect(top.map((suggestion) => suggestion.commentId)).not.toContain('comment-108');
    });
  }

  it('proposes the stance of comments that say where they stand', () => {
    const stanceOf = (claim: string, id: string) =>
      suggestRebuttals(claim, comments, 3).find((suggestion) => suggestion.commentId === id)?.stance;
    const [traffic, journeys, , footfall, collisions] = DEMO_GOLD.map((gold) => gold.claim) as string[];
    // "That is simply not true", "I have three problems with that", "THAT IS FALSE".
    expect(stanceOf(traffic ?? '', 'comment-101')).toBe('rebuts');
    expect(stanceOf(journeys ?? '', 'comment-103')).toBe('rebuts');
    expect(stanceOf(collisions ?? '', 'comment-107')).toBe('rebuts');
    // "I can back this up."
    expect(stanceOf(footfall ?? '', 'comment-105')).toBe('supports');
    // "that is a fair point … I should have said so": the author grants it and adds to the claim.
    expect(stanceOf(traffic ?? '', 'comment-102')).toBe('context');
  });
});
