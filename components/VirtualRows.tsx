import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { VirtualizerOptions } from '@tanstack/virtual-core';
import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';

export interface VirtualRowsProps<Row> {
  rows: readonly Row[];
  keyOf(row: Row): string;
  /** A row's likely height in pixels, before it is drawn and measured. */
  estimate(row: Row): number;
  classOf(row: Row): string;
  render(row: Row): ComponentChildren;
  /** The list's class: `claims`, and `pages` when it groups claims under their pages. */
  listClass: string;
  label: string;
}

/** Rows drawn beyond the visible ones, above and below, so that a quick scroll or Tab finds them ready. */
const OVERSCAN = 6;
const GAP = 8;

/**
 * A long list that draws only the rows in view (and a few around them), in a scrolling box of its own, each
 * row measured once drawn. A list item carries its place in the whole list, for assistive technology.
 */
export function VirtualRows<Row>({
  rows,
  keyOf,
  estimate,
  classOf,
  render,
  listClass,
  label,
}: VirtualRowsProps<Row>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, redraw] = useReducer((count: number) => count + 1, 0);
  const options: VirtualizerOptions<HTMLDivElement, HTMLLIElement> = {
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => estimate(rows[index] as Row),
    getItemKey: (index) => keyOf(rows[index] as Row),
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    onChange: () => redraw(undefined),
    overscan: OVERSCAN,
    gap: GAP,
    // Before the box is measured: enough rows to fill a tall window.
    initialRect: { width: 0, height: 900 },
  };
  const [virtualizer] = useState(() => new Virtualizer(options));
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());

  return (
    <div ref={scroller} class="scroller">
      <ul class={listClass} aria-label={label} style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as Row;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              class={classOf(row)}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {render(row)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
