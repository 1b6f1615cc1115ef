import { ClaimPicker, type ClaimPickerProps } from '../../components/ClaimPicker';
import { HoverTip, type HoverTipProps } from '../../components/HoverTip';
import { NoteStepper, type NoteStepperProps } from '../../components/NoteStepper';
import { OrphanList, type OrphanListProps } from '../../components/OrphanList';
import { RebuttalBadges, type RebuttalBadgesProps } from '../../components/RebuttalBadges';
import { SelectionToolbar, type SelectionToolbarProps } from '../../components/SelectionToolbar';

export interface OverlayProps {
  toolbar: SelectionToolbarProps | null;
  picker: ClaimPickerProps | null;
  /** The bar that steps through the page's notes, while the reader uses it. */
  stepper: NoteStepperProps | null;
  tip: HoverTipProps | null;
  badges: RebuttalBadgesProps;
  orphans: OrphanListProps;
  /** What the reader must know, when no card is open to say it. */
  problem: string | null;
}

/** Everything Counterpoint shows over the page. */
export function Overlay({ toolbar, picker, stepper, tip, badges, orphans, problem }: OverlayProps) {
  return (
    <>
      <RebuttalBadges {...badges} />
      {tip && !toolbar && <HoverTip {...tip} />}
      {toolbar && <SelectionToolbar {...toolbar} />}
      {picker && <ClaimPicker {...picker} />}
      {stepper && !toolbar && <NoteStepper {...stepper} />}
      {orphans.orphans.length > 0 && <OrphanList {...orphans} />}
      {problem && (
        <p class="notice" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
