import { useEffect } from 'preact/hooks';
import { trusted } from './trusted';

export interface UndoToastProps {
  message: string;
  /** How long the offer stands before the toast goes by itself. */
  seconds: number;
  onUndo(): void;
  onClose(): void;
}

/** What was just done, with Undo for some seconds; a new toast replaces the last one. */
export function UndoToast({ message, seconds, onUndo, onClose }: UndoToastProps) {
  useEffect(() => {
    const timer = setTimeout(onClose, seconds * 1000);
    return () => clearTimeout(timer);
  }, [message, seconds, onClose]);
  return (
    <div class="toast" role="status">
      <span>{message}</span>
      <button type="button" class="undo" onClick={trusted(onUndo)}>
        Undo
      </button>
      <button type="button" class="toast-close" aria-label="Dismiss" onClick={trusted(onClose)}>
        ×
      </button>
    </div>
  );
}
