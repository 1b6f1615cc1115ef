import { ClaimCard } from '../../components/ClaimCard';
import { OrphanList } from '../../components/OrphanList';
import type { ToolbarChoice } from '../../components/SelectionToolbar';
import { SelectionToolbar } from '../../components/SelectionToolbar';
import type { Claim } from '../../core/model';
import type { ClaimChanges } from '../../core/protocol';

export interface OverlayProps {
  toolbar: { top: number; left: number } | null;
  card: { claim: Claim; anchored: boolean; focusNote: boolean } | null;
  problem: string | null;
  /** The page's claims whose text was not found. */
  orphans: readonly Claim[];
  onChoose(choice: ToolbarChoice): void;
  onOpenClaim(claim: Claim): void;
  onChange(changes: ClaimChanges): void;
  onDelete(): void;
  onCloseCard(): void;
  onOpenNotes(): void;
}

/** Everything Counterpoint shows over the page: the selection toolbar, the open claim card, a notice. */
export function Overlay({
  toolbar,
  card,
  problem,
  orphans,
  onChoose,
  onOpenClaim,
  onChange,
  onDelete,
  onCloseCard,
  onOpenNotes,
}: OverlayProps) {
  return (
    <>
      {toolbar && <SelectionToolbar top={toolbar.top} left={toolbar.left} onChoose={onChoose} />}
      {card && (
        <ClaimCard
          claim={card.claim}
          anchored={card.anchored}
          focusNote={card.focusNote}
          problem={problem}
          onChange={onChange}
          onDelete={onDelete}
          onClose={onCloseCard}
          onOpenNotes={onOpenNotes}
        />
      )}
      {orphans.length > 0 && <OrphanList orphans={orphans} onOpen={onOpenClaim} />}
      {problem && !card && (
        <p class="notice" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
