// A list with the selected item's detail: beside the list on a wide screen, instead of it on a phone or tablet.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** Below this width the detail replaces the list (the same width as in styles.css, `.master-detail`). */
const DETAIL_ALONE = '(max-width: 1100px)';

/**
 * A list screen whose item opens beside it. Put the list (head, filters, items) in `children` and the open
 * item's pane in `detail` (nothing when none is open); keep which item is open in the URL (`things/:id`), so
 * the phone's back gesture and a shared link work.
 *
 * At 1100 px and below the list is hidden while a detail is open: the detail is its own view, starting at the
 * top of the window, and the list comes back, scrolled where it was, when the detail closes. The way back is
 * the detail's `DetailHead` (components/layout.tsx), whose «← back to the list» shows only at that width; give
 * it `onClose` that navigates to the list's URL. Adopting it on a new screen:
 *
 *   <MasterDetail testId="things-screen" detail={id && <aside class="detail"><DetailHead title=… onClose={() => navigate(href('things'))} />…</aside>}>
 *     <div class="screen-head"><h1>…</h1></div>
 *     <ul class="list">…</ul>
 *   </MasterDetail>
 *
 * Screens whose item is a page of its own (`things/:id` showing no list) need none of this: they start with a
 * `BackLink` instead.
 */
export function MasterDetail({ detail, children, testId }: { detail?: ComponentChildren | false | null | 0; children: ComponentChildren; testId?: string }) {
  const open = !!detail;
  const listScroll = useRef(0);
  const wasOpen = useRef(open);
  // On a narrow screen opening a detail swaps the view: start it at the top, and give the list back its place.
  useLayoutEffect(() => {
    if (wasOpen.current === open) return;
    wasOpen.current = open;
    if (!window.matchMedia(DETAIL_ALONE).matches) return;
    if (open) {
      listScroll.current = window.scrollY;
      window.scrollTo(0, 0);
    } else window.scrollTo(0, listScroll.current);
  }, [open]);
  return (
    <section class={open ? 'screen master-detail has-detail' : 'screen master-detail'} data-testid={testId}>
      <div class="master">{children}</div>
      {open && detail}
    </section>
  );
}
