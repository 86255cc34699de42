import { formatDateTime, toLocalIsoWithOffset } from '../../../shared/domain/parse';

/** A UTC instant (audit entries, backups) as this computer's local date and time: "24 Nov 2026 21:17". */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : formatDateTime(toLocalIsoWithOffset(at, -at.getTimezoneOffset()));
}
