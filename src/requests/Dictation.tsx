/**
 * « Dicter » beside a text field, where the browser offers speech recognition (Chrome on Android
 * does, with the network): what is said in French is added to the text. Absent elsewhere.
 */
import { createSignal, onCleanup, Show } from 'solid-js';
import * as fr from '../i18n/fr';

const t = fr.requests.form;

interface RecognitionResultEvent {
  results: ArrayLike<ArrayLike<{ transcript: string }>>;
}
interface Recognition {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  onresult: ((event: RecognitionResultEvent) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionConstructor = new () => Recognition;

function recognitionConstructor(): RecognitionConstructor | undefined {
  const w = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

/** `text` plus what was said, as sentences: a space between, a capital where a sentence starts. */
export function withDictated(text: string, said: string): string {
  const added = said.trim();
  if (!added) return text;
  const before = text.trimEnd();
  const startsSentence = !before || /[.!?…]$/.test(before);
  const words = startsSentence ? added.charAt(0).toUpperCase() + added.slice(1) : added;
  return before ? `${before} ${words}` : words;
}

export function DictationButton(props: { onSaid(said: string): void; testid: string }) {
  const Constructor = recognitionConstructor();
  const [listening, setListening] = createSignal(false);
  const [message, setMessage] = createSignal('');
  let current: Recognition | undefined;
  onCleanup(() => current?.stop());

  function toggle() {
    if (current) return current.stop();
    const recognition = new Constructor!();
    recognition.lang = 'fr-FR';
    recognition.interimResults = false;
    recognition.continuous = false;
    recognition.onresult = (event) => props.onSaid(Array.from(event.results, (r) => r[0]?.transcript ?? '').join(' '));
    recognition.onerror = (event) => setMessage(event.error === 'not-allowed' || event.error === 'service-not-allowed' ? t.dictationDenied : event.error === 'no-speech' || event.error === 'aborted' ? '' : t.dictationFailed);
    recognition.onend = () => {
      current = undefined;
      setListening(false);
    };
    setMessage('');
    current = recognition;
    setListening(true);
    try {
      recognition.start();
    } catch {
      current = undefined;
      setListening(false);
      setMessage(t.dictationFailed);
    }
  }

  return (
    <Show when={Constructor}>
      <button type="button" class="button button--secondary button--small" data-testid={props.testid} aria-pressed={listening()} onClick={toggle}>
        {listening() ? t.dictating : t.dictate}
      </button>
      <Show when={message()}>
        <p class="field__error" role="alert" data-testid={`${props.testid}-error`}>
          {message()}
        </p>
      </Show>
    </Show>
  );
}
