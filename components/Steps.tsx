export interface StepsProps {
  /** What each step does, in order. */
  steps: readonly string[];
  /** The step under way: those before it are done. */
  current: number;
  label: string;
}

/** Where a long task stands, step by step, announced as it moves on. */
export function Steps({ steps, current, label }: StepsProps) {
  return (
    <ol class="steps" aria-label={label} aria-live="polite">
      {steps.map((step, i) => (
        <li
          key={step}
          class={i < current ? 'done' : i === current ? 'current' : undefined}
          aria-current={i === current ? 'step' : undefined}
        >
          {i < current ? <span aria-hidden="true">✓ </span> : null}
          {step}
          {i === current ? '…' : i < current ? <span class="visually-hidden">: done</span> : null}
        </li>
      ))}
    </ol>
  );
}
