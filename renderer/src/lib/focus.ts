/**
 * Moves the focus to a control the app just put on screen (a row the user added), unless the
 * user has meanwhile started on another field: adding a row waits for the database, and
 * pulling the caret out of a field someone is typing in would send their keystrokes to the
 * wrong place.
 */
export function focusUnlessBusy(el: HTMLElement | null | undefined): void {
  if (!el) return;
  const active = document.activeElement;
  const typingElsewhere =
    active !== el && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement);
  if (!typingElsewhere) el.focus();
}
