/**
 * The validation tables of docs/models/stocks.md, from the JSON that
 * `talentflow estimate flows-from-stocks --method birthplace --from 2000 --to 2010 --json` prints
 * (one file per variant) and `talentflow indicators population --level province --json`
 * (2000 and 2010). It only summarises: every number comes from the CLI's output, and the
 * published figures it compares with are the ones the page cites.
 *
 *   node --import tsx scripts/validate-stocks.ts --pop p2000.json p2010.json central.json none.json ...
 *
 * Prints Markdown: one row per variant (total moves, provinces losing people, the three highest
 * net-migration rates, the rank correlation of the estimated inflows into Beijing with the
 * published 2010-2015 inflows), then in, out and net of the provinces the page discusses under
 * the first estimate given (with its natural-change range) and in and out under a distance-prior one.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface Estimate {
  definition: string;
  regions: string[];
  origin: number[];
  destination: number[];
  flow: number[];
  inTotals: Record<string, number>;
  outTotals: Record<string, number>;
  net: Record<string, number>;
  naturalRange: { code: string; low: number; high: number }[] | null;
}

/**
 * Five-year flows into Beijing 2010-2015 by province of residence five years earlier, persons:
 * the rows of Guy Abel's gist c24d990abc2c692f2b63747ee42909eb (data of Qi, Abel, Muttarak and
 * Liu 2017, Environment and Planning A 49(11)) that the stored copy shows, as listed in
 * ../shared/data/china-census-migration/README.md. A different period from the estimate.
 */
const BEIJING_IN_2010_2015: Readonly<Record<string, number>> = {
  '120000': 67355, '130000': 864387, '140000': 225032, '150000': 103355, '210000': 155032, '220000': 104774, '230000': 194387,
  '310000': 26581, '320000': 110839, '330000': 58065, '340000': 165935, '350000': 45290, '360000': 80581, '370000': 348129,
  '410000': 467355, '420000': 168903, '430000': 94839, '440000': 68452, '450000': 31419, '460000': 7935, '500000': 82129,
  '510000': 150839, '520000': 42258, '530000': 54968, '540000': 2774, '610000': 105097, '620000': 97871, '630000': 9935,
};
const SHOWN: Readonly<Record<string, string>> = {
  '210000': 'Liaoning', '220000': 'Jilin', '230000': 'Heilongjiang', '110000': 'Beijing', '120000': 'Tianjin', '310000': 'Shanghai',
  '330000': 'Zhejiang', '440000': 'Guangdong', '540000': 'Tibet', '640000': 'Ningxia', '650000': 'Xinjiang',
};

const args = process.argv.slice(2);
const popAt = args.indexOf('--pop');
if (popAt < 0 || args.length < popAt + 4) throw new Error('usage: validate-stocks.ts --pop p2000.json p2010.json ESTIMATE.json...');
const population = (file: string) => new Map((JSON.parse(readFileSync(file, 'utf8')) as { region: string; value: number }[]).map((r) => [r.region, r.value]));
const p0 = population(args[popAt + 1]);
const p1 = population(args[popAt + 2]);
const files = args.filter((_, i) => i < popAt || i > popAt + 2);

const fmt = (v: number) => Math.round(v).toLocaleString('en-US');
const ranks = (xs: number[]) => {
  const order = xs.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
};
/** Spearman's rho: Pearson's correlation of the ranks (average ranks for ties), as R's cor(method = "spearman"). */
function spearman(x: number[], y: number[]): number {
  const [a, b] = [ranks(x), ranks(y)];
  const mean = (v: number[]) => v.reduce((s, t) => s + t, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

const estimates = files.map((f) => ({ name: basename(f, '.json'), r: JSON.parse(readFileSync(f, 'utf8')) as Estimate }));
console.log('| variant | total moves 2000-2010 | provinces with net < 0 | highest net-migration rates | Beijing inflows: Spearman with 2010-2015 (28 origins) | origins sending 0 to Beijing |');
console.log('|---|---|---|---|---|---|');
for (const { name, r } of estimates) {
  const total = r.flow.reduce((s, v) => s + v, 0);
  const losing = Object.values(r.net).filter((v) => v < 0).length;
  const rates = Object.entries(r.net).map(([c, v]) => [c, v / ((p0.get(c)! + p1.get(c)!) / 2)] as const).sort((a, b) => b[1] - a[1]);
  const bj = r.regions.indexOf('110000');
  const inflow = new Map<string, number>();
  r.flow.forEach((v, k) => {
    if (r.destination[k] === bj) inflow.set(r.regions[r.origin[k]], v);
  });
  const origins = Object.keys(BEIJING_IN_2010_2015);
  const est = origins.map((c) => inflow.get(c) ?? 0);
  const rho = spearman(est, origins.map((c) => BEIJING_IN_2010_2015[c]));
  const top = rates.slice(0, 3).map(([c, v]) => `${SHOWN[c] ?? c} ${(v * 100).toFixed(1)}%`).join(', ');
  console.log(`| ${name} | ${fmt(total)} | ${losing} | ${top} | ${rho.toFixed(2)} | ${est.filter((v) => v < 1).length} |`);
}
// The provinces the page discusses: the first estimate with its natural-change range, and the
// gross flows of a distance-prior estimate (same nets: the prior only moves more people).
const main = estimates[0];
const prior = estimates.find((e) => /distance prior/.test(e.r.definition));
const range = new Map((main.r.naturalRange ?? []).map((x) => [x.code, x]));
console.log(`\n| province | in (${main.name}) | out | net | net, low natural change | net, high |${prior ? ` in (${prior.name}) | out (${prior.name}) |` : ''}`);
console.log(`|---|---|---|---|---|---|${prior ? '---|---|' : ''}`);
for (const [code, label] of Object.entries(SHOWN)) {
  const x = range.get(code);
  const cells = [main.r.inTotals[code], main.r.outTotals[code], main.r.net[code]].map(fmt).join(' | ');
  console.log(`| ${label} ${code} | ${cells} | ${x ? fmt(x.low) : ''} | ${x ? fmt(x.high) : ''} |${prior ? ` ${fmt(prior.r.inTotals[code])} | ${fmt(prior.r.outTotals[code])} |` : ''}`);
}
