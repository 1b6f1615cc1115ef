/**
 * What this visit finds of the page's claims, told to the background once it has stopped changing, and only
 * where it differs from what the library holds (issue 11): a visit to a page that reads as it did sends
 * nothing. Also what the reader kept as marked, so that the card does not offer the same change twice.
 */
import type { Placement, PlacementReport } from '../../core/model';
import type { Result } from '../../core/protocol';
import type { Ask } from '../../messaging/send';

/**
 * How long what placing finds must stay the same before it is reported: a comment thread that loads just after
 * the article would otherwise be stored as not found, then as found, on every visit.
 */
const REPORT_DELAY_MS = 3_000;

/** What the library holds of a claim's last placement, as far as the page needs it. */
type Held = Pick<Placement, 'outcome' | 'text' | 'kept'>;

/** A claim no visit has reported on was placed as marked when the reader made it. */
const AS_MARKED: Held = { outcome: 'as-marked' };

export class PlacementReports {
  constructor(private readonly ask: Ask) {}

  private held = new Map<string, Held>();
  /** The report waiting for the page to settle, with what it says as text to compare the next one with. */
  private pending: { pageKey: string; reports: PlacementReport[]; said: string } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Start from what the library holds for the page's claims, dropping any report not sent yet. */
  reset(placements: readonly Placement[]): void {
    this.cancel();
    this.held = new Map(
      placements.map(({ claimId, outcome, text, kept }) => [claimId, { outcome, text, kept }]),
    );
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.pending = null;
  }

  /**
   * What placing the claims of `pageKey` found just now. The outcomes that differ from the library's are sent
   * once they have stayed the same for `REPORT_DELAY_MS`; a page that keeps changing elsewhere does not delay them.
   */
  found(pageKey: string, outcomes: readonly PlacementReport[]): void {
    const reports = outcomes.filter((report) => {
      const held = this.held.get(report.claimId) ?? AS_MARKED;
      return held.outcome !== report.outcome || held.text !== report.text;
    });
    const said = JSON.stringify([pageKey, reports]);
    if (this.pending?.said === said) return;
    this.cancel();
    if (reports.length === 0) return;
    this.pending = { pageKey, reports, said };
    this.timer = setTimeout(() => void this.send(), REPORT_DELAY_MS);
  }

  private async send(): Promise<void> {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    const { pageKey, reports } = pending;
    const answer = await this.ask('placement.report', { pageKey, reports });
    // A report lost or refused is made again on the next visit; nothing the reader needs to hear about.
    if (!answer.ok) return;
    for (const { claimId, outcome, text } of reports) {
      const held = this.held.get(claimId);
      // A keep made while the report was on its way stays: the background kept it too.
      if (held?.outcome !== outcome || held.text !== text) this.held.set(claimId, { outcome, text });
    }
  }

  /** Whether the reader kept the claim's quote against `text`, the text it is placed on now. */
  kept(claimId: string, text: string): boolean {
    const held = this.held.get(claimId);
    return !!held?.kept && held.text === text;
  }

  /** Keep the claim's stored quote against `text`, the text it is placed on now. */
  async keep(claimId: string, text: string): Promise<Result<null>> {
    const answer = await this.ask('placement.keep', { id: claimId, text });
    if (answer.ok) this.held.set(claimId, { outcome: 'changed', text, kept: true });
    return answer;
  }

  /** The claim took the passage as the page reads it now, and the library holds it as placed as marked. */
  placedAsMarked(claimId: string): void {
    this.held.set(claimId, AS_MARKED);
  }
}
