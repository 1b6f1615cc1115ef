import { describe, expect, it } from 'vitest';
import { canvasScheme, overlayScheme, pageScheme, parseComputedColor } from './color-scheme';

const TRANSPARENT = 'rgba(0, 0, 0, 0)';

describe('parseComputedColor', () => {
  it('reads the forms both browsers give for a computed background', () => {
    expect(parseComputedColor('rgb(17, 24, 39)')).toEqual({ r: 17, g: 24, b: 39, a: 1 });
    expect(parseComputedColor('rgba(255, 255, 255, 0.5)')).toEqual({ r: 255, g: 255, b: 255, a: 0.5 });
    expect(parseComputedColor('rgb(0 0 0 / 40%)')).toEqual({ r: 0, g: 0, b: 0, a: 0.4 });
  });

  it('knows no other colour space', () => {
    expect(parseComputedColor('oklch(0.2 0.01 250)')).toBeNull();
  });
});

describe('pageScheme', () => {
  it('calls a dark background dark and a light one light', () => {
    expect(pageScheme({ backgrounds: ['rgb(18, 18, 18)'], canvas: 'light' })).toBe('dark');
    expect(pageScheme({ backgrounds: ['rgb(250, 250, 245)'], canvas: 'light' })).toBe('light');
  });

  it('walks up past transparent elements to the first that paints', () => {
    const backgrounds = [TRANSPARENT, TRANSPARENT, 'rgb(30, 30, 40)', 'rgb(255, 255, 255)'];
    expect(pageScheme({ backgrounds, canvas: 'light' })).toBe('dark');
  });

  it('takes the canvas when nothing paints: white, or dark under a page declaring a dark color-scheme', () => {
    expect(pageScheme({ backgrounds: [TRANSPARENT, TRANSPARENT], canvas: 'light' })).toBe('light');
    expect(pageScheme({ backgrounds: [TRANSPARENT, TRANSPARENT], canvas: 'dark' })).toBe('dark');
  });

  it('composites a translucent background over what lies under it', () => {
    // Black at 30 % over white is still light grey; at 90 %, nearly black.
    expect(pageScheme({ backgrounds: ['rgba(0, 0, 0, 0.3)', 'rgb(255, 255, 255)'], canvas: 'light' })).toBe(
      'light',
    );
    expect(pageScheme({ backgrounds: ['rgba(0, 0, 0, 0.9)', 'rgb(255, 255, 255)'], canvas: 'light' })).toBe(
      'dark',
    );
  });

  it('draws the line where white text starts to contrast more than black', () => {
    // #777 (luminance 0.184) reads better with black text; #666 (0.133) with white.
    expect(pageScheme({ backgrounds: ['rgb(119, 119, 119)'], canvas: 'light' })).toBe('light');
    expect(pageScheme({ backgrounds: ['rgb(102, 102, 102)'], canvas: 'light' })).toBe('dark');
  });
});

describe('overlayScheme', () => {
  it('is dark on a dark page, and for a reader who prefers dark on any page', () => {
    const light = { backgrounds: ['rgb(255, 255, 255)'], canvas: 'light' as const };
    const dark = { backgrounds: ['rgb(13, 17, 23)'], canvas: 'light' as const };
    expect(overlayScheme({ ...light, prefersDark: false })).toBe('light');
    expect(overlayScheme({ ...dark, prefersDark: false })).toBe('dark');
    expect(overlayScheme({ ...light, prefersDark: true })).toBe('dark');
  });
});

describe('canvasScheme', () => {
  it('follows the root color-scheme, and the reader where the page offers both', () => {
    expect(canvasScheme('normal', true)).toBe('light');
    expect(canvasScheme('dark', false)).toBe('dark');
    expect(canvasScheme('only dark', false)).toBe('dark');
    expect(canvasScheme('light dark', false)).toBe('light');
    expect(canvasScheme('light dark', true)).toBe('dark');
  });
});
