// File names from the service's pattern (Settings → Exports), e.g. the default
// "{date}_{nhs}_{id8}_{version}" gives "2026-03-10_9990079196_51000000_v1.pdf". A trust's
// integration engine matches files in its drop folder by name, so the pattern is the
// service's to set. Every name is reduced to characters that are safe on Windows, macOS and
// Linux shares, and always ends with the format's extension.
import { z } from 'zod';
import { FORMAT_INFO, type FileFormat } from './formats';

export const FILE_NAME_TOKENS = {
  '{date}': 'session date, 2026-03-10',
  '{time}': 'session start time, 0910',
  '{nhs}': 'NHS number, digits only',
  '{mrn}': 'local hospital number',
  '{family}': 'family name, capitals',
  '{session}': 'session ID (36 characters)',
  '{id8}': 'first 8 characters of the session ID',
  '{version}': 'record version: v1, v2 … or draft',
  '{format}': 'export format: pdf, fhir, hl7v2 …',
} as const;

export const DEFAULT_FILE_NAME_PATTERN = '{date}_{nhs}_{id8}_{version}';

const TOKEN_RE = /\{[a-z0-9]+\}/g;
const MAX_NAME = 150;

/** Checks a pattern: known tokens only, and one that tells sessions apart (two sessions must never share a name). */
export const FileNamePattern = z
  .string()
  .trim()
  .min(1, 'Type a file-name pattern, for example {date}_{nhs}_{id8}_{version}.')
  .max(120, 'Keep the pattern under 120 characters.')
  .refine((p) => (p.match(TOKEN_RE) ?? []).every((t) => Object.hasOwn(FILE_NAME_TOKENS, t)), {
    message: `Use only these tokens: ${Object.keys(FILE_NAME_TOKENS).join(' ')}.`,
  })
  .refine((p) => p.includes('{session}') || p.includes('{id8}'), {
    message: 'Include {id8} or {session}, so two sessions never get the same file name.',
  })
  .refine((p) => p.includes('{version}'), { message: 'Include {version}, so an amended version never replaces the file of the version before.' });

export interface FileNameFacts {
  sessionId: string;
  /** Session start as stored (local time with offset): the date and time are read from it as written. */
  startedAt: string;
  nhsNumber: string | null;
  localMrn: string | null;
  familyName: string | null;
  version: number | null;
}

/** Letters, digits, dot, dash and underscore; accents dropped to their base letter; the rest becomes "_". */
function safePart(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
}

export function fileNameFor(pattern: string, format: FileFormat, facts: FileNameFacts): string {
  const values: Record<string, string> = {
    '{date}': facts.startedAt.slice(0, 10),
    '{time}': facts.startedAt.slice(11, 16).replace(':', ''),
    '{nhs}': facts.nhsNumber ?? 'no-nhs',
    '{mrn}': facts.localMrn ?? 'no-mrn',
    '{family}': (facts.familyName ?? 'unnamed').toUpperCase(),
    '{session}': facts.sessionId,
    '{id8}': facts.sessionId.slice(0, 8),
    '{version}': facts.version === null ? 'draft' : `v${facts.version}`,
    '{format}': format,
  };
  const stem = safePart(pattern.replace(TOKEN_RE, (t) => values[t] ?? ''))
    .replace(/^[._]+/, '') // never a hidden file, never a name that starts with a dot
    .slice(0, MAX_NAME);
  return `${stem || 'cryolog-export'}.${FORMAT_INFO[format].extension}`;
}
