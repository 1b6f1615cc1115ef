import { describe, expect, it } from 'vitest';
import { quoteChanges } from './quote-changes';

describe('quoteChanges', () => {
  it('keeps identical text whole', () => {
    expect(quoteChanges('the cat sat', 'the  cat sat')).toEqual([{ kind: 'kept', text: 'the cat sat' }]);
  });

  it('marks a replaced word as removed then added', () => {
    expect(quoteChanges('Prices rose sharply in May', 'prices rose slowly in May')).toEqual([
      { kind: 'removed', text: 'Prices' },
      { kind: 'added', text: 'prices' },
      { kind: 'kept', text: 'rose' },
      { kind: 'removed', text: 'sharply' },
      { kind: 'added', text: 'slowly' },
      { kind: 'kept', text: 'in May' },
    ]);
  });

  it('replaces the whole quote when it is too long to compare word by word', () => {
    const long = Array.from({ length: 500 }, (_, n) => `w${n}`).join(' ');
    expect(quoteChanges(long, 'short')).toEqual([
      { kind: 'removed', text: long },
      { kind: 'added', text: 'short' },
    ]);
  });
});
