/** The alert sound, generated with WebAudio (no audio file to download or cache): two short rising tones. */

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (!context && typeof AudioContext !== 'undefined') context = new AudioContext();
  return context;
}

/**
 * Browsers keep audio suspended until the user has interacted with the page; the first tap or key
 * press resumes it, so an alert that arrives later can be heard.
 */
export function unlockAlertSound(): () => void {
  const unlock = () => void audio()?.resume().catch(() => undefined);
  const events = ['pointerdown', 'keydown'] as const;
  events.forEach((e) => window.addEventListener(e, unlock, { once: true, passive: true }));
  return () => events.forEach((e) => window.removeEventListener(e, unlock));
}

export function playAlertSound(): void {
  const ctx = audio();
  if (!ctx) return;
  void ctx.resume().catch(() => undefined);
  const start = ctx.currentTime + 0.02;
  for (const [i, frequency] of [880, 1320].entries()) {
    const at = start + i * 0.18;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    // A short attack and decay: no click at the start or the end of the tone.
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.17);
  }
}
