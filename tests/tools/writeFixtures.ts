// `npm run fixtures`: writes tests/fixtures/S1, S2 and S5.session.json from sessionFixtures.ts.
// Edit the builder, not the JSON: tests/fileformat/fixtures.test.ts compares the two.
import fs from 'node:fs';
import path from 'node:path';
import { SessionDocument } from '../../shared/domain/model';
import { buildFixtures, FIXTURES_DIR, fixtureFile, fixtureText, type FixtureName } from './sessionFixtures';

fs.mkdirSync(FIXTURES_DIR, { recursive: true });
for (const [name, doc] of Object.entries(buildFixtures()) as [FixtureName, SessionDocument][]) {
  SessionDocument.parse(doc); // a fixture the app itself would refuse is a bug in the builder
  const file = fixtureFile(name);
  const text = fixtureText(doc);
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  fs.writeFileSync(file, text);
  console.log(`${path.relative(process.cwd(), file)}: ${before === text ? 'unchanged' : 'written'}`);
}
