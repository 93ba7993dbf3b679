/** A clock signal for time-left labels, ticking while the component lives. */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

export function createNow(everyMs = 30_000): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), everyMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
