// @vitest-environment jsdom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { onPageNavigation } from './page-navigation';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

// jsdom has no Navigation API, as Firefox ESR 140 has none.
it('hears a single-page site move to another article where the browser reports no such move, once per move', () => {
  const heard: string[] = [];
  onPageNavigation(() => heard.push(location.pathname));
  vi.advanceTimersByTime(3000);
  expect(heard).toEqual([]);
  history.pushState(null, '', '/another-story.html');
  vi.advanceTimersByTime(1000);
  expect(heard).toEqual(['/another-story.html']);
  vi.advanceTimersByTime(3000);
  history.pushState(null, '', '/article.html');
  vi.advanceTimersByTime(1000);
  expect(heard).toEqual(['/another-story.html', '/article.html']);
});
