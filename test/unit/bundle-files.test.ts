import { describe, expect, it } from 'vitest';
import { readBundleFile } from '../../entrypoints/popup/bundle-files';

const file = (parts: BlobPart[], name = 'notes.json') => new File(parts, name);

describe('reading a chosen bundle file', () => {
  it('reads accented and non-Latin text whole when its characters fall across the slices it is decoded in', async () => {
    const text = JSON.stringify({ note: 'Café — 市议会 “Quarry Lane” 🚲 '.repeat(40) });
    // Slices of 7 bytes cut most of the multi-byte characters in two.
    const read = await readBundleFile(file([text]), 7);
    expect(read).toEqual({ ok: true, value: text });
  });

  it('refuses a file that is not UTF-8, even when the bad bytes come in a later slice', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"note": "fine so far'),
      0xff,
      0xfe,
      0x22,
      0x7d,
    ]);
    const read = await readBundleFile(file([bytes], 'photo.json'), 8);
    expect(read).toEqual({
      ok: false,
      error:
        '“photo.json” is not a text file in UTF-8, so it cannot be a note bundle or an annotation export.',
    });
  });

  it('refuses an empty file', async () => {
    expect(await readBundleFile(file([]))).toEqual({ ok: false, error: '“notes.json” is empty.' });
  });
});
