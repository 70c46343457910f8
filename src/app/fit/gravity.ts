import { InputError } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { fitGravity, type GravityData, type GravityResult, type GravitySpec } from '../../models/gravity/index.ts';
import type { Workspace } from '../../store/workspace.ts';
import { withFittedPeriods } from '../../store/fitted-periods.ts';
import { saveModel } from '../../store/models.ts';
import { readGravityFile } from '../../store/queries/gravity-file.ts';
import { gravityDataFromWorkspace } from '../../store/queries/model-data.ts';
import { parseInput } from '../parse-input.ts';
import { direct, type Step } from '../step.ts';
import { inFile, modelDimensions, parseOffset, termsOf } from './gravity-dimensions.ts';
import { gravityInput, parseStoredOffset, type GravityInput, type GravityOptions } from './gravity-input.ts';
import { storedOffset, storedOffsetDefinition } from './stored-offset.ts';

/** The data and spec of a fit, read and checked (step one). */
export interface PreparedGravityFit {
  readonly options: GravityOptions;
  readonly data: GravityData;
  readonly spec: GravitySpec;
  readonly notes: string[];
  /** The notes with their message codes (core/messages), for a front-end's language. */
  readonly messages: { readonly notes: readonly CodedMessage[] };
  /** The file's column for each of the model's column words (flow, cost, offset...), file fits only. */
  readonly fileNames: Readonly<Record<string, string | undefined>> | null;
  /** The offset as the input named it and what it is, or null. */
  readonly offset: OffsetUsed | null;
}

/** An offset of a fit: the input's term and its definition (it enters with coefficient 1), also coded for a front-end's language. */
export interface OffsetUsed {
  readonly term: string;
  readonly definition: string;
  readonly messages: { readonly definition: CodedMessage };
}

const offsetUsed = (term: string, definition: CodedMessage): OffsetUsed => ({ term, definition: definition.message, messages: { definition } });

/**
 * A fitted gravity model as both front-ends answer it (`talentflow fit gravity --json`, the job
 * of `POST /api/models/gravity`): the model's result (src/models/gravity/types.ts; missing values
 * counted under the file's column names), the fit's wall time, notes on the data (zero flows
 * added, ...), the offset (null without) and the name it was saved under.
 */
export type GravityFitResult = GravityResult & { fitSeconds: number; notes: string[]; messages: { notes: readonly CodedMessage[]; warnings?: readonly CodedMessage[]; stopReason?: CodedMessage }; offset: OffsetUsed | null; saved: string | null };

/** Whether the fit needs a workspace: stored flows, or saving the model. */
export function needsWorkspace(o: GravityOptions): boolean {
  return !o.file || o.save !== undefined;
}

/**
 * The gravity fit, step one (for `talentflow fit gravity` and `POST /api/models/gravity`):
 * validates the input and reads the flows, from a file or from the workspace, into the model's
 * data and spec. Apart from step two so the server can hold its lock only while reading.
 */
export async function prepareGravityFit(ws: Workspace | null, input: GravityInput, step: Step = direct): Promise<PreparedGravityFit> {
  const o = parseInput(gravityInput, input);
  const model: Pick<GravitySpec, 'constraint' | 'decay' | 'intra' | 'ssc' | 'na' | 'duplicates'> = {
    constraint: o.constraint, decay: o.decay, intra: o.intra,
    ...(o.ssc !== undefined ? { ssc: o.ssc } : {}),
    ...(o.na !== undefined ? { na: o.na } : {}),
    duplicates: o.sumDuplicates ? 'sum' : 'error',
  };
  if (o.file) {
    const f = o.file;
    const dims = modelDimensions({ origin: f.origin, destination: f.destination, period: f.period }, o.fixedEffects, o.cluster);
    const offset = o.offset !== undefined ? parseOffset(o.offset) : null;
    const [originTerms, destinationTerms, pairTerms] = [termsOf(o.originVars), termsOf(o.destinationVars), termsOf(o.pairVars)];
    let { data } = await readGravityFile(f.path, {
      origin: f.origin, destination: f.destination, flow: f.flow, cost: f.cost, period: f.period,
      covariates: [...originTerms, ...destinationTerms, ...pairTerms].map((t) => t.column), categories: dims.categories, offset: offset?.column,
    }, { encoding: f.encoding, sheet: f.sheet });
    if (offset?.log) data = { ...data, offset: data.offset!.map(Math.log) };
    const spec: GravitySpec = {
      ...model, costName: f.cost, originTerms, destinationTerms, pairTerms, ...(dims.fixedEffects ? { fixedEffects: dims.fixedEffects } : {}), ...(dims.cluster ? { cluster: dims.cluster } : {}),
    };
    const fileNames = { flow: f.flow, cost: f.cost, offset: offset?.column, origin: f.origin, destination: f.destination, period: f.period };
    const used = offset ? offsetUsed(o.offset!, coded('fit.offsetDefinition', { source: 'file', name: offset.column, file: f.path, log: offset.log })) : null;
    return { options: o, data, spec, notes: [], messages: { notes: [] }, fileNames, offset: used };
  }
  if (!ws) throw new InputError('no workspace');
  const offset = o.offset !== undefined ? parseStoredOffset(o.offset) : null;
  const read = await step(() => gravityDataFromWorkspace(ws, {
    periods: o.periods, within: o.within, level: o.level, fillZeros: o.fillZeros,
    originIndicators: termsOf(o.originVars).map((t) => t.column), destinationIndicators: termsOf(o.destinationVars).map((t) => t.column),
    ...(offset && offset.source !== 'distance' ? { offsetIndicator: { side: offset.source, name: offset.indicator } } : {}),
  }));
  const { notes, messages } = read;
  const data = offset ? { ...read.data, offset: storedOffset(read.data, offset, o.offset!, o.intra) } : read.data;
  const dims = modelDimensions({ origin: 'origin', destination: 'destination', period: 'period' }, o.fixedEffects, o.cluster);
  const spec: GravitySpec = {
    ...model, costName: 'distance_km', originTerms: termsOf(o.originVars, 'origin_'), destinationTerms: termsOf(o.destinationVars, 'destination_'),
    ...(dims.fixedEffects ? { fixedEffects: dims.fixedEffects } : {}), ...(dims.cluster ? { cluster: dims.cluster } : {}),
  };
  const used = offset ? offsetUsed(o.offset!, storedOffsetDefinition(offset)) : null;
  return { options: o, data, spec, notes: [...notes], messages, fileNames: null, offset: used };
}

/**
 * Step two: fits by Poisson PML (src/models/gravity), addresses data errors and missing-value
 * counts to the file's columns, and saves the model when asked (its spec and this result).
 */
export async function finishGravityFit(ws: Workspace | null, p: PreparedGravityFit, step: Step = direct): Promise<GravityFitResult> {
  const t0 = performance.now();
  let result: GravityResult;
  try {
    result = fitGravity(p.data, p.spec);
  } catch (e) {
    throw p.options.file && p.fileNames ? inFile(e, p.options.file.path, p.fileNames) : e;
  }
  const names = p.fileNames;
  if (names && result.dropped.missing) {
    const byColumn = Object.fromEntries(Object.entries(result.dropped.byColumn).map(([c, k]) => [names[c] ?? c, k]));
    result = { ...result, dropped: { ...result.dropped, byColumn } };
  }
  const fitSeconds = (performance.now() - t0) / 1000;
  const save = p.options.save;
  if (save !== undefined) {
    if (!ws) throw new InputError('saving a model needs a workspace');
    // The offset is part of the model: saved with its spec, so a later use of the model knows it;
    // so are the workspace's flow periods read (a file's periods, where it has them, are in the result).
    const spec = { ...p.spec, ...(p.offset ? { offset: p.offset } : {}) };
    await step(() => saveModel(ws, save, 'gravity', p.options.file ? spec : withFittedPeriods(spec, p.options.periods), result, { replace: p.options.replace }));
  }
  return { ...result, fitSeconds, notes: p.notes, messages: { ...p.messages, warnings: result.messages?.warnings, stopReason: result.messages?.stopReason }, offset: p.offset, saved: save ?? null };
}
