import { quoteChanges } from '../core/quote-changes';

/**
 * The stored quote beside the text its claim is placed on now, words taken out struck through and words put in
 * underlined, each also named for screen readers: colour alone would tell nothing to some readers.
 */
export function QuoteChanges({
  stored,
  current,
  onAccept,
  onKeep,
}: {
  stored: string;
  current: string;
  onAccept(event: Event): void;
  onKeep(event: Event): void;
}) {
  return (
    <div class="quote-changes" role="note">
      <p class="warning">The passage has changed since this note was made. Now it reads:</p>
      <p class="changes">
        {quoteChanges(stored, current).map((change, i) => {
          const text = (i > 0 ? ' ' : '') + change.text;
          if (change.kind === 'kept') return text;
          const Tag = change.kind === 'removed' ? 'del' : 'ins';
          return (
            <Tag key={i} aria-label={`${change.kind}: ${change.text}`}>
              {text}
            </Tag>
          );
        })}
      </p>
      <button type="button" class="accept-text" onClick={onAccept}>
        Take the text as it reads now
      </button>
      <button type="button" class="keep-text" onClick={onKeep}>
        Keep it as marked
      </button>
    </div>
  );
}
