// Revealed-preference ranking of a saved destination-choice model and its held-out validation.
export { revealedRanking, type RevealedRanking, type RevealedRankingOptions } from './revealed-ranking.ts';
export { validateRankings, type HoldoutSplit, type RankingValidation, type ValidationRow, type ValidationInput } from './validate.ts';
