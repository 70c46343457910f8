import { api, type FlowRow, type Group, type MeasureResult, type Region } from '../api.ts';
import { lang, regionName, t } from '../i18n/index.ts';
import { headlineFacts, peopleInWords, shortName, type HeadlineFacts } from './overview.ts';

/**
 * The map's headline: one sentence saying what the data on screen show, with the number and
 * what it is ("2000-2010: the Northeast (Liaoning, Jilin, Heilongjiang) lost 2.63 million people
 * net to other provinces (estimated from census birthplace tables), most to …"). Every part comes
 * from the map's measure and the flows touching the focus; nothing is written in.
 */
export interface HeadlineInput {
  measure: MeasureResult;
  /** Net migration (or population change) of the regions at the level on screen. */
  net: Map<string, number>;
  /** The case's group and its regions at this level, or null: the sentence speaks of the region that lost most. */
  group: { group: Group; members: string[] } | null;
  regions: Map<string, Region>;
  period: string;
  level: string;
}

/** Flows touching a focus, by request, so a language switch re-renders without asking again. */
const flowCache = new Map<string, Promise<FlowRow[] | null>>();

function focusFlows(focus: string, period: string, level: string): Promise<FlowRow[] | null> {
  const key = `${focus}|${period}|${level}`;
  let p = flowCache.get(key);
  if (!p) {
    // Every flow with one end in the focus (no minimum, no top-N): the partners' exchange must be whole.
    p = api.flows({ group: focus, period, level, intra: false, limit: 200000 }).then((r) => r.rows, () => null);
    flowCache.set(key, p);
  }
  return p;
}

/** What the numbers are, in the sentence's words (the legend gives the full definition). */
function definitionWords(m: MeasureResult): string {
  if (m.source === 'census') return t('headline.def.census');
  if (m.kind === 'observed') return t('headline.def.observed');
  if (/birthplace/i.test(m.definition)) return t('headline.def.birthplace');
  if (/population change/i.test(m.definition)) return t('headline.def.popchange');
  return t('headline.def.estimated');
}

function joinList(items: string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(t('headline.sep'))}${t('headline.and')}${items[items.length - 1]}`;
}

export function headlineText(input: HeadlineInput, facts: HeadlineFacts): string {
  const name = (c: string) => shortName(input.regions.get(c) ? regionName(input.regions.get(c)!) : c);
  const exact = input.measure.kind === 'observed';
  const words = (n: number) => peopleInWords(n, lang(), exact);
  const focus = input.group
    ? t('headline.group', { group: regionName(input.group.group), members: joinList(input.group.group.members.map(name)) })
    : name(facts.focus[0]);
  const regionsWord = t(input.level === 'province' ? 'headline.regions.province' : input.level === 'city' ? 'headline.regions.city' : 'headline.regions.other');
  const base = { period: input.period, focus, n: words(facts.net), regions: regionsWord, definition: definitionWords(input.measure) };
  if (input.measure.source === 'census') return t(facts.net < 0 ? 'headline.censusFell' : 'headline.censusRose', base);
  // Own data of the focus alone (moves between the Northeast's cities only): a net of 0 with the rest is not a finding.
  if (facts.crossing === 0) return t('headline.withinOnly', base);
  const partners = facts.partners.length
    ? t(facts.net < 0 ? 'headline.mostTo' : 'headline.mostFrom', { list: joinList(facts.partners.map((p) => t('headline.partner', { name: name(p.code), n: words(p.net) }))) })
    : '';
  return t(facts.net < 0 ? 'headline.lost' : 'headline.gained', { ...base, partners });
}

/** Fills `el` with the headline (hidden when there is nothing to say). `stale()` says a newer request superseded this one. */
export async function renderHeadline(el: HTMLElement, input: HeadlineInput, stale: () => boolean): Promise<void> {
  const focusCodes = input.group?.members ?? null;
  const first = headlineFacts(input.net, null, focusCodes);
  if (!first) {
    el.hidden = true;
    return;
  }
  let facts = first;
  if (input.measure.source !== 'census') {
    const flows = await focusFlows(input.group ? input.group.group.code : first.focus[0], input.period, input.level);
    if (stale()) return;
    facts = headlineFacts(input.net, flows, focusCodes) ?? first;
  }
  el.textContent = headlineText(input, facts);
  delete el.dataset.noValues;
  el.dataset.net = String(Math.round(facts.net));
  el.hidden = false;
}
