// S5's MAS "2+" (E07 in domain.md §5). The format stores MAS as a code from {0, 1, 1+, 2, 3, 4},
// so "2+" cannot be part of a valid file: S5.session.json keeps a valid MAS, and this raw-JSON
// variant shows the app's schema and the published JSON Schema both refusing "2+" at its exact
// path (the CLI's validate and import are checked on the same variant in tests/cli/cli.test.ts).
import { describe, expect, it } from 'vitest';
import { SessionDocument } from '../../shared/domain/model';
import { MAS_CODES } from '../../shared/domain/valueSets';
import { s5WithMas2Plus } from '../tools/sessionFixtures';
import { sessionValidator } from './jsonSchema';

describe('MAS "2+" in a session file', () => {
  it('is refused by SessionDocument at outcomes.0.masPre, naming the allowed codes', () => {
    const parsed = SessionDocument.safeParse(s5WithMas2Plus());
    expect(parsed.success).toBe(false);
    const issues = parsed.error?.issues ?? [];
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(['outcomes', 0, 'masPre']);
    expect(issues[0]?.message).toMatch(/^Invalid option: expected one of /);
    for (const code of MAS_CODES) expect(issues[0]?.message).toContain(`"${code}"`);
  });

  it('is refused by the JSON Schema at /outcomes/0/masPre, and nowhere else', () => {
    const r = sessionValidator()(s5WithMas2Plus());
    expect(r.valid).toBe(false);
    expect(new Set(r.errors.map((e) => e.instancePath))).toEqual(new Set(['/outcomes/0/masPre']));
    const allowed = r.errors.find((e) => e.keyword === 'enum')?.params as { allowedValues: string[] } | undefined;
    expect(new Set(allowed?.allowedValues)).toEqual(new Set(MAS_CODES));
  });

  it('"1.5" (a decimal for "1+") is refused the same way', () => {
    const raw = s5WithMas2Plus() as { outcomes: Record<string, unknown>[] };
    raw.outcomes[0]!.masPre = 1.5;
    expect(SessionDocument.safeParse(raw).error?.issues.map((i) => i.path.join('.'))).toEqual(['outcomes.0.masPre']);
  });
});
