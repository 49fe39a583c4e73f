/**
 * Read-aloud through the browser's speech synthesis. Terminals without voices (or without the
 * API) report "unavailable" instead of failing silently, so the citizen gets a visible answer.
 */
export type SpeakResult = 'speaking' | 'unavailable';

export function speak(text: string, bcp47: string, onEnd?: () => void): SpeakResult {
  const synthesis = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
  if (!synthesis || text.trim() === '') return 'unavailable';
  const voices = synthesis.getVoices();
  const language = bcp47.slice(0, 2);
  const voice = voices.find((v) => v.lang === bcp47) ?? voices.find((v) => v.lang.startsWith(language));
  if (!voice) return 'unavailable';
  synthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = voice.lang;
  // The language picks a voice anyway; naming the exact one keeps it stable across utterances.
  if (typeof SpeechSynthesisVoice !== 'undefined' && voice instanceof SpeechSynthesisVoice)
    utterance.voice = voice;
  utterance.rate = 0.9;
  if (onEnd) utterance.onend = onEnd;
  synthesis.speak(utterance);
  return 'speaking';
}

export function stopSpeaking(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
}

/**
 * What to read: the focused field (its label, hint, message and value) if the citizen is in one,
 * otherwise the main content of the screen.
 */
export function textToRead(doc: Document): string {
  const active = doc.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
    const labels = Array.from(active.labels ?? []).map((l) => l.innerText);
    const described = (active.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => doc.getElementById(id)?.innerText ?? '');
    const legend = active.closest('fieldset')?.querySelector('legend')?.innerText ?? '';
    const value = active.type === 'radio' || active.type === 'checkbox' ? '' : active.value;
    return [legend, ...labels, ...described, value].filter(Boolean).join('. ');
  }
  return (doc.querySelector('main') as HTMLElement | null)?.innerText ?? '';
}
