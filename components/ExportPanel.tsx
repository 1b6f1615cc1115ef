import { useState } from 'preact/hooks';
import type { ExportFormat } from '../core/protocol';
import { Steps } from './Steps';
import { trusted } from './trusted';

/** Which notes to export, in the reader's terms: everything, the article in view, or what the list shows. */
export type ExportChoice = 'library' | 'page' | 'listed';

export interface ExportPanelProps {
  /** False when no article is in view, so "This page" cannot be offered. */
  canExportPage: boolean;
  /** How many claims the list shows now (search and filters applied). */
  listed: number;
  /** The step of the export under way (see EXPORT_STEPS), or null when none is. */
  step: number | null;
  onExport(choice: ExportChoice, format: ExportFormat): void;
}

/** An export's steps: the background gathers and writes the notes, then the page saves the file. */
export const EXPORT_STEPS = ['Gather and write the notes', 'Save the file'];

const FORMAT_LABELS: Record<ExportFormat, string> = {
  bundle: 'Note bundle (.json), to import elsewhere',
  markdown: 'Markdown (.md), to read or publish',
};

/** Export notes as a file: which notes, in which format. */
export function ExportPanel({ canExportPage, listed, step, onExport }: ExportPanelProps) {
  const busy = step !== null;
  const [choice, setChoice] = useState<ExportChoice>('library');
  const [format, setFormat] = useState<ExportFormat>('bundle');
  const choices: [ExportChoice, string, boolean][] = [
    ['library', 'Whole library', true],
    ['page', 'This page', canExportPage],
    ['listed', `The ${listed} ${listed === 1 ? 'claim' : 'claims'} listed`, listed > 0],
  ];
  return (
    <fieldset class="export">
      <legend>Export</legend>
      <div class="choices" role="radiogroup" aria-label="Which notes">
        {choices.map(([value, label, enabled]) => (
          <label key={value}>
            <input
              type="radio"
              name="export-scope"
              value={value}
              checked={choice === value}
              disabled={!enabled}
              onChange={() => setChoice(value)}
            />{' '}
            {label}
          </label>
        ))}
      </div>
      <div class="choices" role="radiogroup" aria-label="Format">
        {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="export-format"
              value={value}
              checked={format === value}
              onChange={() => setFormat(value)}
            />{' '}
            {FORMAT_LABELS[value]}
          </label>
        ))}
      </div>
      <button
        type="button"
        class="export-go"
        disabled={busy}
        onClick={trusted(() => onExport(choice, format))}
      >
        {busy ? 'Exporting…' : 'Export'}
      </button>
      {busy && <Steps steps={EXPORT_STEPS} current={step} label="Export" />}
    </fieldset>
  );
}
