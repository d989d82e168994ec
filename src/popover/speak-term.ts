/**
 * "Hear it": the browser's speech synthesis, with voices that run on the device only. Voices
 * that are not `localService` send the text to a server, so they are never used.
 */
export function localVoice(): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  return speechSynthesis.getVoices().find((voice) => voice.localService && voice.lang.startsWith('en')) ?? undefined;
}

export function speakTerm(text: string, voice: SpeechSynthesisVoice): void {
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.85;
  speechSynthesis.cancel();
  speechSynthesis.speak(utterance);
}
