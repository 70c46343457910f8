/**
 * What the scenario tab opens on, following the map: GET /api/models says for each saved model
 * the case (country) and level of the regions it was fitted to (src/store/models.ts listModels),
 * so the tab offers a model of the country and level the map shows rather than whichever was
 * saved last. Among the models of the map's case and level, then of its case: the default example
 * (the Northeast's, when its model is one of them), else another example on one of them, else
 * the most recent such model of the analyst's own. A map case without a model keeps the old
 * order: the default example when its model is held, else the most recent model, else the
 * default example with its model missing (the tab then offers to fit it).
 */
export interface ListedModel { name: string; kind: string; createdAt?: unknown; created_at?: unknown; level?: unknown; case?: unknown }

/** An example as GET /api/scenarios/examples lists it (what is read of it here; no page imports, so the rule is tested in Node). */
interface ExampleRef { file: string; document: { baseline: { model: string } } }

export interface MapView {
  caseId: string;
  level: string;
}

export type Opening = { example: string } | { model: string } | null;

/** Saved gravity and choice models (the kinds a scenario runs on), the most recent first. */
function usable(models: readonly ListedModel[]): ListedModel[] {
  const at = (m: ListedModel) => String(m.createdAt ?? m.created_at ?? '');
  return models.filter((m) => m.kind === 'gravity' || m.kind === 'choice').sort((a, b) => at(b).localeCompare(at(a)));
}

/** The models of the map's case and level, then those of its case only. */
function tiers(models: readonly ListedModel[], map: MapView): ListedModel[][] {
  const list = usable(models);
  return [list.filter((m) => m.case === map.caseId && m.level === map.level), list.filter((m) => m.case === map.caseId)];
}

/** The model to run an own scenario on: of the map's case and level, else of its case, else the most recent. */
export function defaultModel(models: readonly ListedModel[], map: MapView): string | null {
  const [both, sameCase] = tiers(models, map);
  return (both[0] ?? sameCase[0] ?? usable(models)[0])?.name ?? null;
}

export function openingChoice(examples: readonly ExampleRef[], models: readonly ListedModel[], map: MapView, defaultExample: string): Opening {
  const preferred = examples.find((x) => x.file === defaultExample) ?? examples[0];
  for (const tier of tiers(models, map)) {
    if (!tier.length) continue;
    const names = new Set(tier.map((m) => m.name));
    const example = preferred && names.has(preferred.document.baseline.model) ? preferred : examples.find((x) => names.has(x.document.baseline.model));
    return example ? { example: example.file } : { model: tier[0].name };
  }
  if (preferred && usable(models).some((m) => m.name === preferred.document.baseline.model)) return { example: preferred.file };
  const recent = usable(models)[0];
  return recent ? { model: recent.name } : preferred ? { example: preferred.file } : null;
}
