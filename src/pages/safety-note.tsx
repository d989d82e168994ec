/** The safety line: on the glossary page and in the settings, not in every popover. */
export function SafetyNote() {
  return <p class="safety">MedGloss explains words. It is not medical advice: ask your care team about your own care.</p>;
}
