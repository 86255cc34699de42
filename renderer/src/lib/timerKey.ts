import { useEffect } from 'react';
import { keyTypes } from '../../../shared/domain/timer';

// The timer key (a USB foot pedal sends a key press): one listener for the whole window. The
// press goes to the "armed" target's timer, which registers its press handler here, so the key
// and the large button take exactly the same path.

type PressHandler = () => void;
const handlers = new Map<string, PressHandler>();

export function registerTimerPress(targetId: string, press: PressHandler): () => void {
  handlers.set(targetId, press);
  return () => {
    if (handlers.get(targetId) === press) handlers.delete(targetId);
  };
}

function typingInto(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(el.type);
  return (el as HTMLElement).isContentEditable;
}

/**
 * Listens for the timer key. A held key repeats (ignored), and a key that types a character is
 * left alone while a text field has the focus, so the assistant can still type it there.
 */
export function useTimerKey(keyCode: string | null, armedTargetId: string | null, enabled: boolean): void {
  useEffect(() => {
    if (!keyCode || !enabled) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.code !== keyCode || e.ctrlKey || e.altKey || e.metaKey) return;
      if (keyTypes(keyCode) && typingInto(document.activeElement)) return;
      if (document.querySelector('dialog[open]')) return; // a prompt is open: it has the keyboard
      e.preventDefault();
      if (e.repeat || !armedTargetId) return;
      handlers.get(armedTargetId)?.();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [keyCode, armedTargetId, enabled]);
}

/** A short triple beep when the planned freeze time is reached (Web Audio: no sound file to ship). */
export function beep(): void {
  try {
    const ctx = new AudioContext();
    const start = ctx.currentTime;
    for (let i = 0; i < 3; i++) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.25, start + i * 0.3);
      gain.gain.setValueAtTime(0, start + i * 0.3 + 0.18);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + i * 0.3);
      osc.stop(start + i * 0.3 + 0.2);
    }
    setTimeout(() => void ctx.close(), 1500);
  } catch {
    // No audio device: the on-screen signal still shows.
  }
}
