/**
 * Confirming an import, and telling the truth when it fails. The background imports a file in one
 * transaction, so a failed import changed nothing, unless the answer alone was lost (the service worker
 * stopped after saving, before replying). A fresh preview of the same file tells the two apart: if it would
 * still change notes, nothing was imported and the reader may simply try again.
 */
import type { ImportState } from '../../components/ImportPanel';
import type { ImportSummary } from '../../core/protocol';
import { PREVIEW_EXPIRED } from '../../core/protocol';
import type { Ask } from '../../messaging/send';

/** A file the reader has seen the preview of: the background's token for it, and its text as a fallback. */
export interface PreviewedFile {
  fileName: string;
  token: string;
  text: string;
  summary: ImportSummary;
}

/** What confirming an import led to. */
export interface ImportOutcome {
  /** The import panel's next state. */
  state: ImportState;
  /** Whether notes were saved, so that the lists must load again. */
  saved: boolean;
  /** The file to import on the reader's next try, freshly previewed, when the panel offers one. */
  retry: Pick<PreviewedFile, 'token' | 'text'> | null;
}

function changes({ counts }: ImportSummary): number {
  return counts.new + counts.updated + counts.deleted;
}

/** Import `file`; on failure, learn from a fresh preview whether anything was saved, and say which. */
export async function confirmImport(send: Ask, file: PreviewedFile): Promise<ImportOutcome> {
  const { fileName } = file;
  let answer = await send('bundle.import', { token: file.token });
  if (!answer.ok && answer.error === PREVIEW_EXPIRED) {
    answer = await send('bundle.import', { text: file.text });
  }
  if (answer.ok)
    return { state: { step: 'done', fileName, summary: answer.value }, saved: true, retry: null };

  const cause = answer.error;
  const check = await send('bundle.preview', { text: file.text });
  if (!check.ok) {
    return {
      state: {
        step: 'failed',
        fileName,
        message:
          `The import was cut short: ${cause} Counterpoint cannot tell yet whether it was saved. An import ` +
          'is all or nothing, never half done, and importing the same file again is safe: notes already ' +
          'there are left as they are.',
      },
      saved: false,
      retry: null,
    };
  }
  const { token, ...summary } = check.value;
  if (changes(summary) === 0 && changes(file.summary) > 0) {
    return {
      state: {
        step: 'failed',
        fileName,
        message:
          'Counterpoint stopped before it could confirm the import, but the import had finished: every ' +
          'note of this file is in your library. There is nothing left to import.',
      },
      saved: true,
      retry: null,
    };
  }
  return {
    state: { step: 'preview', fileName, summary, interrupted: cause },
    saved: false,
    retry: { token, text: file.text },
  };
}
