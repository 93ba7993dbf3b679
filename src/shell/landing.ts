/**
 * The landing page tells the frame when its content is on screen; the frame then loads the page of
 * its first tab (the role's own list) and the data that route reads ahead, so that a first tap on it
 * only has to draw it. Loading them earlier would compete with the landing page's own start.
 */
import { usePreloadRoute } from '@solidjs/router';
import { createEffect, createSignal, type Accessor } from 'solid-js';

const [landed, setLanded] = createSignal(false);

/** Called by the landing page once its content is shown. */
export function landingShown(): void {
  setLanded(true);
}

/** Inside the router: once the landing page is shown, loads the page of `href` ahead, with its data. */
export function preloadAfterLanding(href: Accessor<string | undefined>): void {
  const preload = usePreloadRoute();
  createEffect(() => {
    const target = href();
    if (!landed() || !target) return;
    performance.mark('cpts:first-tab-loading');
    preload(target, { preloadData: true });
  });
}
