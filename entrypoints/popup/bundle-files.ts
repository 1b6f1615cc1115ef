/**
 * Files in and out of the notes page. Export saves through a Blob and an `<a download>`, so the extension needs
 * no `downloads` permission. Import reads the chosen file here, checking its size before reading a byte, and
 * hands the text to the background, which decodes and validates it.
 */
import { MAX_BUNDLE_BYTES } from '../../core/bundle';
import type { ExportedFile, Result } from '../../core/protocol';
import { EXPORT_CACHE } from '../../core/protocol';

const MEBIBYTE = 1024 * 1024;
/**
 * Bytes decoded in one task. A library's file runs to tens of megabytes, and decoding it at once held the page
 * for over 100 ms; a slice takes a few, and the page paints and answers the reader between slices.
 */
const DECODE_SLICE = MEBIBYTE;

/** After the tasks already queued: the page's next paint and input come first. */
function nextTask(): Promise<void> {
  return new Promise((next) => setTimeout(next, 0));
}

/**
 * The file's text, or why it cannot be imported, in the reader's words; decoded `slice` bytes at a time. It
 * resolves in a task of its own, so that the caller's next step (handing the text to the background, itself
 * a long copy) does not add to the last slice's.
 */
export async function readBundleFile(file: File, slice = DECODE_SLICE): Promise<Result<string>> {
  if (file.size > MAX_BUNDLE_BYTES) {
    return {
      ok: false,
      error: `“${file.name}” is ${(file.size / MEBIBYTE).toFixed(1)} MB; Counterpoint imports files of up to ${MAX_BUNDLE_BYTES / MEBIBYTE} MB.`,
    };
  }
  if (file.size === 0) return { ok: false, error: `“${file.name}” is empty.` };
  const bytes = await file.arrayBuffer();
  // Fatal, so that a binary file is refused rather than read as replacement characters. Streaming, so that a
  // character cut by a slice's end is completed by the next slice.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  try {
    for (let at = 0; at < bytes.byteLength; at += slice) {
      const end = Math.min(at + slice, bytes.byteLength);
      parts.push(decoder.decode(new Uint8Array(bytes, at, end - at), { stream: end < bytes.byteLength }));
      await nextTask();
    }
    return { ok: true, value: parts.join('') };
  } catch {
    return {
      ok: false,
      error: `“${file.name}” is not a text file in UTF-8, so it cannot be a note bundle or an annotation export.`,
    };
  }
}

/** The export's content: from the answer itself, or taken (once) from where the background left it. */
async function contentOf(file: ExportedFile): Promise<Blob | null> {
  if ('text' in file) return new Blob([file.text], { type: `${file.mimeType};charset=utf-8` });
  const cache = await caches.open(EXPORT_CACHE);
  const response = await cache.match(file.stored);
  if (!response) return null;
  const blob = await response.blob();
  await cache.delete(file.stored);
  return blob;
}

/** Save an export where the browser saves downloads; false when its content could not be found. */
export async function saveFile(file: ExportedFile): Promise<boolean> {
  const content = await contentOf(file);
  if (!content) return false;
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox reads the blob after the click returns; a minute is far more than it needs.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
