import { describe, expect, it } from 'vitest';
import { suggestRebuttals } from './suggest';

/** A Chinese post's claims and the comments under it, written for this test. */
const CHINESE_CLAIMS = {
  visitors: '去年市中心的游客减少了百分之四十。',
  commute: '新公交线路让通勤时间缩短了一半。',
};
const CHINESE_COMMENTS = [
  { id: 'zh1', text: '这个说法是错误的，去年市中心的游客并没有减少，统计局的数据显示反而增加了。' },
  { id: 'zh2', text: '新的公交线路开通以后，我每天上班的通勤时间只要二十分钟。' },
  { id: 'zh3', text: '文章里的照片拍得很好看，谢谢作者。' },
  { id: 'zh4', text: '谁说通勤时间缩短了一半？我坐新公交线路反而更慢了。' },
  { id: 'zh5', text: '停车位太少了，周末根本找不到地方停。' },
  { id: 'zh6', text: '希望明年能多种一些树，夏天太热了。' },
  { id: 'zh7', text: '作者能不能写一写老城区的房价？' },
];

/** The same for a Japanese post. */
const JAPANESE_CLAIM = '昨年、中心街の観光客は四割減った。';
const JAPANESE_COMMENTS = [
  { id: 'ja1', text: '写真がきれいですね。また読みに来ます。' },
  { id: 'ja2', text: 'その主張は間違いです。中心街の観光客は昨年むしろ増えました。' },
  { id: 'ja3', text: '駅前の駐輪場が足りないと思います。' },
];

const ids = (claim: string, comments: { id: string; text: string }[]) =>
  suggestRebuttals(claim, comments, 3).map((s) => s.commentId);

describe('suggestions on pages written without spaces between words', () => {
  it('suggests the Chinese comments that answer each claim, and not the one about the photos', () => {
    expect(ids(CHINESE_CLAIMS.visitors, CHINESE_COMMENTS)[0]).toBe('zh1');
    expect(ids(CHINESE_CLAIMS.commute, CHINESE_COMMENTS)).toEqual(expect.arrayContaining(['zh2', 'zh4']));
    for (const claim of Object.values(CHINESE_CLAIMS)) {
      expect(ids(claim, CHINESE_COMMENTS)).not.toContain('zh3');
    }
  });

  it('hears a Chinese objection next to the words of the claim', () => {
    const [first] = suggestRebuttals(CHINESE_CLAIMS.visitors, CHINESE_COMMENTS);
    expect(first?.reasons).toContain('disputes');
    const text = CHINESE_COMMENTS[0]?.text ?? '';
    expect(text.slice(first?.excerpt.start, first?.excerpt.end)).toContain('游客');
  });

  it('suggests the Japanese comment that disputes the claim, and no other', () => {
    const suggestions = suggestRebuttals(JAPANESE_CLAIM, JAPANESE_COMMENTS);
    expect(suggestions.map((s) => s.commentId)).toEqual(['ja2']);
    expect(suggestions[0]?.reasons).toContain('disputes');
  });

  it('does not count Japanese particles and endings as words the claim and a comment share', () => {
    // Were they words, "は" and "です" would be rare words shared with the claim: only this comment has them.
    const chatter = [
      { id: 'ja4', text: 'それは、ですね。' },
      JAPANESE_COMMENTS[2] as { id: string; text: string },
    ];
    expect(ids('これは、です。', chatter)).toEqual([]);
  });
});
