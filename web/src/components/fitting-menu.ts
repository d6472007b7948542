// The header's menu on one line: when its entries would wrap to a second line (an admin sees every screen, and
// Russian words are long), the menu goes behind the ☰ button, as on a phone.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** `nav` goes on the menu; `compact` is true while the entries would not fit on one line. `deps`: what changes their width. */
export function useFittingMenu(deps: unknown[]) {
  const nav = useRef<HTMLElement>(null);
  const [compact, setCompact] = useState(false);
  // Measured with the whole menu shown: the last entry below the first means a second line.
  useLayoutEffect(() => {
    // (a phone's open menu is a column by design: nothing to measure there)
    if (compact || !nav.current || getComputedStyle(nav.current).flexDirection === 'column') return;
    const links = nav.current.querySelectorAll<HTMLElement>(':scope > a');
    if (links && links.length > 1 && links[links.length - 1]!.offsetTop > links[0]!.offsetTop + 2) setCompact(true);
  });
  // A wider window, another language or other entries: show the whole menu again and measure anew.
  useEffect(() => {
    const again = () => setCompact(false);
    window.addEventListener('resize', again);
    return () => window.removeEventListener('resize', again);
  }, []);
  useEffect(() => setCompact(false), deps);
  return { nav, compact };
}
