// Electron security #15 (do not use shell.openExternal with untrusted content): this is the
// only place allowed to decide whether shell.openExternal may be called, and a lint rule
// should ban the call everywhere else. CryoLog is offline and links nowhere, so the allowlist
// is empty and the answer is always false; an entry added later must be an exact https URL.

export const EXTERNAL_URL_ALLOWLIST: readonly string[] = Object.freeze([]);

export function safeOpenExternalAllowed(url: unknown, allowlist: readonly string[] = EXTERNAL_URL_ALLOWLIST): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return allowlist.includes(parsed.href);
}
