// Reads the hazard log of docs/clinical-safety.md and checks it against the repository: every
// cited test exists under its exact title, every control without a test is marked OPEN (and its
// hazard too), and every rating follows the DCB0129 risk matrix. The format it reads is
// described at the top of docs/clinical-safety.md; this file is the one place that parses it.
import fs from 'node:fs';
import path from 'node:path';

export const SEVERITIES = ['Minor', 'Significant', 'Considerable', 'Major', 'Catastrophic'] as const;
export const LIKELIHOODS = ['Very low', 'Low', 'Medium', 'High', 'Very high'] as const;

/** DCB0129 risk matrix: rows are likelihood (very low → very high), columns severity (minor → catastrophic). */
const MATRIX = [
  [1, 1, 2, 2, 3],
  [1, 2, 2, 3, 4],
  [2, 2, 3, 3, 4],
  [2, 3, 3, 4, 5],
  [3, 4, 4, 5, 5],
] as const;

export function riskRating(severity: string, likelihood: string): number | null {
  const s = SEVERITIES.indexOf(severity as (typeof SEVERITIES)[number]);
  const l = LIKELIHOODS.indexOf(likelihood as (typeof LIKELIHOODS)[number]);
  return s < 0 || l < 0 ? null : MATRIX[l]![s]!;
}

export interface Citation {
  file: string;
  title: string;
}

export interface Control {
  control: string;
  testCell: string;
  citations: Citation[];
  /** Marked "OPEN:" or "pending:": a CryoLog control without its test yet. */
  open: boolean;
  /** Marked "deployer:": a control the deploying organisation owns (DCB0160), not tested here. */
  deployer: boolean;
}

export interface Hazard {
  id: string;
  name: string;
  fields: Map<string, string>;
  controls: Control[];
}

const HAZARD_HEADING = /^### (H\d{2}) (.+)$/;
// `tests/…/file.test.ts` › `exact test title`
const CITATION = /`(tests\/[^`\s]+\.(?:test|e2e)\.ts)`\s*›\s*`([^`]+)`/g;
const OPEN_MARK = /^\s*(OPEN|pending):/;
const DEPLOYER_MARK = /^\s*deployer:/;

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}

const isSeparator = (row: string) => /^\|?\s*:?-{3,}/.test(row.trim());

/** The markdown tables of one hazard's section, each as rows of cells (header row first). */
function tablesOf(lines: string[]): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of lines) {
    if (line.trim().startsWith('|')) {
      if (!isSeparator(line)) (current ??= []).push(cells(line));
    } else if (current) {
      tables.push(current);
      current = null;
    }
  }
  if (current) tables.push(current);
  return tables;
}

export function parseHazardLog(markdown: string): Hazard[] {
  const lines = markdown.split('\n');
  const hazards: Hazard[] = [];
  for (let i = 0; i < lines.length; i++) {
    const heading = HAZARD_HEADING.exec(lines[i]!);
    if (!heading) continue;
    let end = i + 1;
    while (end < lines.length && !/^#{1,3} /.test(lines[end]!)) end++;
    const [fieldTable, controlTable] = tablesOf(lines.slice(i + 1, end));
    const fields = new Map<string, string>();
    for (const [key, value] of (fieldTable ?? []).slice(1)) if (key) fields.set(key, value ?? '');
    const controls = (controlTable ?? []).slice(1).map(([control = '', , testCell = '']) => ({
      control,
      testCell,
      citations: [...testCell.matchAll(CITATION)].map((m) => ({ file: m[1]!, title: m[2]! })),
      open: testCell.split('<br>').some((part) => OPEN_MARK.test(part)),
      deployer: testCell.split('<br>').some((part) => DEPLOYER_MARK.test(part)),
    }));
    hazards.push({ id: heading[1]!, name: heading[2]!, fields, controls });
  }
  return hazards;
}

// ── Test titles, read from the source without running it ──────────────────────────────────

type Token = { kind: 'str'; value: string; template: boolean } | { kind: 'ident' | 'punct'; value: string };

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

function unescape(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|.)/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (/^[ux]/.test(e) && e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e === '\n' || e === '\r\n') return '';
    return ESCAPES[e] ?? e;
  });
}

/** A small TypeScript tokenizer: enough to find string literals, identifiers and brackets. */
function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const regexMayStart = () => {
    const prev = tokens.at(-1);
    return !prev || (prev.kind === 'punct' && !/^[)\]}]$/.test(prev.value)) || (prev.kind === 'ident' && /^(return|typeof|case|in|of|void)$/.test(prev.value));
  };
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) i++;
    else if (src.startsWith('//', i)) i = src.indexOf('\n', i) < 0 ? src.length : src.indexOf('\n', i);
    else if (src.startsWith('/*', i)) i = src.indexOf('*/', i + 2) < 0 ? src.length : src.indexOf('*/', i + 2) + 2;
    else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'str', value: unescape(src.slice(i + 1, j)), template: false });
      i = j + 1;
    } else if (c === '`') {
      let j = i + 1;
      let depth = 0;
      let hasExpression = false;
      while (j < src.length && !(src[j] === '`' && depth === 0)) {
        if (src[j] === '\\') j += 2;
        else if (src.startsWith('${', j)) {
          depth++;
          hasExpression = true;
          j += 2;
        } else if (src[j] === '}' && depth > 0) {
          depth--;
          j++;
        } else j++;
      }
      tokens.push({ kind: 'str', value: unescape(src.slice(i + 1, j)), template: hasExpression });
      i = j + 1;
    } else if (c === '/' && regexMayStart()) {
      let j = i + 1;
      let inClass = false;
      while (j < src.length && src[j] !== '\n' && (inClass || src[j] !== '/')) {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j++;
      }
      i = j + 1;
      while (/[a-z]/.test(src[i] ?? '')) i++;
      tokens.push({ kind: 'punct', value: 'regex' });
    } else if (/[\w$]/.test(c)) {
      let j = i;
      while (j < src.length && /[\w$]/.test(src[j]!)) j++;
      tokens.push({ kind: 'ident', value: src.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: 'punct', value: c });
      i++;
    }
  }
  return tokens;
}

/** Modifiers that still run the test (skipIf/runIf skip only where the test says why). */
const RUNNING_MODIFIERS = new Set(['each', 'skipIf', 'runIf', 'concurrent', 'sequential']);
const MODIFIERS_WITH_ARGUMENTS = new Set(['each', 'skipIf', 'runIf']);

export interface TestTitles {
  /** Titles as written: test('…'), it('…'), it.each(…)('… %s …'). */
  titles: { text: string; parametrised: boolean }[];
  /** Every string literal of the file, for the values a parametrised title takes. */
  literals: Set<string>;
  source: string;
}

export function testTitles(source: string): TestTitles {
  const tokens = tokenize(source);
  const titles: TestTitles['titles'] = [];
  const closing = (from: number): number => {
    let depth = 0;
    for (let k = from; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.kind === 'punct' && t.value === '(') depth++;
      if (t.kind === 'punct' && t.value === ')' && --depth === 0) return k;
    }
    return tokens.length;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'ident' || (t.value !== 'it' && t.value !== 'test')) continue;
    const before = tokens[i - 1];
    if (before?.kind === 'punct' && before.value === '.') continue;
    let j = i + 1;
    let parametrised = false;
    while (tokens[j]?.value === '.') {
      const modifier = tokens[j + 1]?.value ?? '';
      if (!RUNNING_MODIFIERS.has(modifier)) {
        j = -1;
        break;
      }
      parametrised ||= modifier === 'each';
      j += 2;
      if (MODIFIERS_WITH_ARGUMENTS.has(modifier)) j = closing(j) + 1;
    }
    if (j < 0 || tokens[j]?.value !== '(') continue;
    const title = tokens[j + 1];
    if (title?.kind === 'str') titles.push({ text: title.value, parametrised: parametrised || title.template });
  }
  const literals = new Set(tokens.filter((t) => t.kind === 'str').map((t) => t.value));
  return { titles, literals, source };
}

const PLACEHOLDER = /\$\{[^}]*\}|\$[A-Za-z_][\w.]*|%[sdifjoOc#]/g;

/** Whether `cited` is a title of the file: as written, or a parametrised title filled with values the file holds. */
export function hasTitle(file: TestTitles, cited: string): boolean {
  for (const { text, parametrised } of file.titles) {
    if (text === cited) return true;
    if (!parametrised) continue;
    const parts = text.split(PLACEHOLDER).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (parts.length < 2) continue;
    const match = new RegExp(`^${parts.join('(.+?)')}$`).exec(cited);
    if (match && match.slice(1).every((value) => valueInFile(file, value))) return true;
  }
  return false;
}

function valueInFile(file: TestTitles, value: string): boolean {
  if (file.literals.has(value)) return true;
  if (/^-?\d+(\.\d+)?$/.test(value)) return new RegExp(`(^|[^\\w.])${value.replace('.', '\\.')}(?![\\w.])`).test(file.source);
  try {
    const parsed: unknown = JSON.parse(value); // %j prints strings as JSON
    return typeof parsed === 'string' && file.literals.has(parsed);
  } catch {
    return false;
  }
}

// ── The checks ─────────────────────────────────────────────────────────────────────────────

const REQUIRED_FIELDS = ['Hazard', 'Causes', 'Effect on the patient', 'Severity', 'Likelihood before controls', 'Initial risk', 'Likelihood after controls', 'Residual risk', 'Status'];

/** Every problem of the hazard log, each a sentence naming the hazard; empty when it holds. */
export function safetyCaseProblems(markdown: string, repoRoot: string): string[] {
  const problems: string[] = [];
  const hazards = parseHazardLog(markdown);
  if (hazards.length === 0) problems.push('No hazard found (headings "### Hnn Name").');
  const ids = hazards.map((h) => h.id);
  for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) problems.push(`${id} appears more than once.`);
  const titlesCache = new Map<string, TestTitles>();
  for (const h of hazards) {
    const at = `${h.id} (${h.name})`;
    for (const field of REQUIRED_FIELDS) if (!h.fields.get(field)) problems.push(`${at}: "${field}" is missing or empty.`);
    const severity = h.fields.get('Severity') ?? '';
    for (const [likelihoodField, ratingField] of [
      ['Likelihood before controls', 'Initial risk'],
      ['Likelihood after controls', 'Residual risk'],
    ] as const) {
      const likelihood = h.fields.get(likelihoodField) ?? '';
      const expected = riskRating(severity, likelihood);
      const stated = h.fields.get(ratingField) ?? '';
      if (expected === null) problems.push(`${at}: severity "${severity}" × likelihood "${likelihood}" is not on the risk matrix.`);
      else if (stated && !new RegExp(`^${expected}\\b`).test(stated)) problems.push(`${at}: ${ratingField} says "${stated}", the matrix gives ${expected}.`);
    }
    const status = h.fields.get('Status') ?? '';
    const hazardOpen = /^OPEN\b/.test(status);
    if (status && !/^(OPEN|Transferred|Closed)\b/.test(status)) problems.push(`${at}: Status must start with OPEN, Transferred or Closed.`);
    if (h.controls.length === 0) problems.push(`${at}: no control listed.`);
    for (const c of h.controls) {
      if (c.citations.length === 0 && !c.open && !c.deployer) problems.push(`${at}: control "${c.control}" has no test and is not marked OPEN.`);
      if (c.open && !hazardOpen) problems.push(`${at}: control "${c.control}" is OPEN or pending, so the hazard's Status must start with OPEN.`);
      if (c.deployer && status.startsWith('Closed')) problems.push(`${at}: control "${c.control}" is the deploying organisation's, so the hazard cannot be Closed (Transferred or OPEN).`);
      for (const { file, title } of c.citations) {
        const full = path.join(repoRoot, file);
        if (!fs.existsSync(full)) {
          problems.push(`${at}: cited test file ${file} does not exist.`);
          continue;
        }
        if (!titlesCache.has(file)) titlesCache.set(file, testTitles(fs.readFileSync(full, 'utf8')));
        if (!hasTitle(titlesCache.get(file)!, title)) problems.push(`${at}: no test titled "${title}" in ${file}.`);
      }
    }
  }
  return problems;
}
