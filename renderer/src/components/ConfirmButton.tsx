import { useEffect, useState } from 'react';

/**
 * A destructive button that asks once, in place: the first press turns it into
 * "Press again to remove", the second does it. No modal dialog to dismiss with gloves on,
 * and a stray tap alone never removes anything.
 */
export function ConfirmButton({ label, confirmLabel, onConfirm }: { label: string; confirmLabel: string; onConfirm(): void }) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(false), 5000);
    return () => clearTimeout(t);
  }, [armed]);
  return (
    <button
      type="button"
      className={armed ? 'button danger armed' : 'button subtle'}
      onClick={() => (armed ? (setArmed(false), onConfirm()) : setArmed(true))}
      onBlur={() => setArmed(false)}
    >
      {armed ? confirmLabel : label}
    </button>
  );
}
