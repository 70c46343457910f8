// The import rule of STYLE.md, checked through ESLint's Node API with the project's own config
// (eslint.config.js): each case lints a one-line module as if it were the named file, so removing
// or loosening a boundary in the config fails here, not in a later review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const root = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

/** The no-restricted-imports messages for `source` linted as the file at `path` (relative to the repo). */
async function restricted(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${root}${path}` });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: { file: string; imports: string; refused: RegExp | null }[] = [
  // The two front-ends never import each other.
  { file: 'src/server/routes/example.ts', imports: '../../cli/commands/rank.ts', refused: /src\/server may not import src\/cli/ },
  { file: 'src/server/app.ts', imports: '../cli/output.ts', refused: /src\/server may not import src\/cli/ },
  { file: 'src/cli/commands/example.ts', imports: '../../server/routes/rank.ts', refused: /src\/cli may not import src\/server/ },
  { file: 'src/cli/commands/example.ts', imports: '../../server/index.ts', refused: /src\/cli may not import src\/server/ },
  // `talentflow serve` starts the server through its entry, and only that.
  { file: 'src/cli/commands/serve.ts', imports: '../../server/index.ts', refused: null },
  { file: 'src/cli/commands/serve.ts', imports: '../../server/routes/rank.ts', refused: /only the server's entry/ },
  // The application layer sits under both and above the library.
  { file: 'src/app/rank/example.ts', imports: '../../cli/output.ts', refused: /src\/app may not import src\/cli/ },
  { file: 'src/app/measure/example.ts', imports: '../../server/route.ts', refused: /src\/app may not import src\/server/ },
  { file: 'src/app/rank/example.ts', imports: '../../store/index.ts', refused: null },
  { file: 'src/server/routes/example.ts', imports: '../../app/rank/run.ts', refused: null },
  { file: 'src/cli/commands/example.ts', imports: '../../app/measure/run.ts', refused: null },
  { file: 'src/store/example.ts', imports: '../app/rank/run.ts', refused: /src\/store may not import src\/app/ },
  // Fitting (src/app/fit): the gravity and choice routes and commands meet only there.
  { file: 'src/server/routes/models.ts', imports: '../../cli/commands/fit-gravity-options.ts', refused: /src\/server may not import src\/cli/ },
  { file: 'src/cli/commands/fit.ts', imports: '../../server/routes/models.ts', refused: /src\/cli may not import src\/server/ },
  { file: 'src/app/fit/gravity.ts', imports: '../../cli/commands/fit.ts', refused: /src\/app may not import src\/cli/ },
  { file: 'src/app/fit/choice.ts', imports: '../../server/routes/models.ts', refused: /src\/app may not import src\/server/ },
  { file: 'src/server/routes/models.ts', imports: '../../app/fit/gravity.ts', refused: null },
  { file: 'src/cli/commands/fit-choice.ts', imports: '../../app/fit/choice.ts', refused: null },
  // Scenarios (src/app/scenario): `talentflow scenario` and the scenario routes meet only there.
  { file: 'src/app/scenario/run.ts', imports: '../../cli/commands/scenario.ts', refused: /src\/app may not import src\/cli/ },
  { file: 'src/app/scenario/counterfactual.ts', imports: '../../server/routes/scenarios.ts', refused: /src\/app may not import src\/server/ },
  { file: 'src/server/routes/scenarios.ts', imports: '../../app/scenario/run.ts', refused: null },
  { file: 'src/cli/commands/scenario.ts', imports: '../../app/scenario/run.ts', refused: null },
];

for (const c of cases) {
  test(`${c.file} importing ${c.imports}: ${c.refused ? 'refused' : 'allowed'}`, async () => {
    const messages = await restricted(c.file, `import { x } from '${c.imports}';\nexport const y = x;\n`);
    if (c.refused) {
      assert.equal(messages.length, 1, `expected one boundary error, got ${JSON.stringify(messages)}`);
      assert.match(messages[0], c.refused);
    } else {
      assert.deepEqual(messages, []);
    }
  });
}

test('no module of src/server imports src/cli, and no CLI module but serve imports src/server', async () => {
  const results = await eslint.lintFiles(['src/server', 'src/cli', 'src/app']);
  const boundary = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}: ${m.message}`));
  assert.deepEqual(boundary, []);
});
