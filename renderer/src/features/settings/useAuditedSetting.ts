import { useEffect, useState } from 'react';
import type { Result } from '../../../../shared/ipc/result';

export interface SettingState<T> {
  value: T;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * One audited service setting as a settings panel edits it: loaded once, edited as a draft,
 * saved whole (the main process records the signed-in account as who changed it); `message`
 * is "Saved." or what to fix.
 * `load` and `save` must be stable (useCallback), or the setting reloads on every render.
 */
export function useAuditedSetting<T>(
  load: () => Promise<Result<SettingState<T>>>,
  save: (value: T) => Promise<Result<SettingState<T>>>,
  defaults: T,
) {
  const [state, setState] = useState<SettingState<T> | null>(null);
  const [draft, setDraft] = useState<T | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void load().then((r) => r.ok && setState(r.data));
  }, [load]);
  const current = draft ?? state?.value ?? defaults;

  async function onSave() {
    const r = await save(current);
    if (!r.ok) return setMessage(r.error.issues?.[0]?.message ?? r.error.message);
    setState(r.data);
    setDraft(null);
    setMessage('Saved.');
  }

  return { state, current, setDraft, changed: draft !== null, message, setMessage, onSave };
}
