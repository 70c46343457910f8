/**
 * The destination-choice model of the synthetic cohort: a conditional logit (McFadden 1974) over
 * the provinces j, for graduate i with home province h(i), study province s(i), degree and
 * graduation year t:
 *
 *   V_ij = b_income       ln income_jt
 *        + b_master       [degree_i = master] ln income_jt
 *        + b_population   ln population_jt
 *        + b_rail         rail_km_per_million_jt
 *        + b_temperature  temperature_c_jt
 *        + b_distance     distance_100km(h(i), j)
 *        + b_home         [j = h(i)]
 *        + b_study        [j = s(i)]
 *   Pr(j | i) = exp V_ij / sum_k exp V_ik
 *
 * income: NBS disposable income per head, yuan a year; population: NBS year-end population,
 * persons; rail: NBS urban rail transit length, km per million residents (0 where none);
 * temperature: mean air temperature, degrees C; distance: great-circle distance between the
 * province centroids, 100 km (0 for the home province). The values below are assumptions of the
 * right sign and a plausible size, not estimates; only b_study is calibrated (calibrate.ts) so
 * that a quarter of the employed stay in the study province. docs/synthetic-cohort.md has the
 * table with the reasons and the seed facts they reproduce.
 */
export const DESTINATION_TERMS = ['ln_income', 'master_ln_income', 'ln_population', 'rail_km_per_million', 'temperature_c', 'distance_100km', 'is_home', 'is_study'] as const;

export type DestinationTerm = (typeof DESTINATION_TERMS)[number];

/** Every coefficient of the model, by term (the names of the long-format columns a fit uses). */
export type DestinationCoefficients = Readonly<Record<DestinationTerm, number>>;

/** The coefficients that are set, not calibrated. */
export type FixedCoefficients = Readonly<Record<Exclude<DestinationTerm, 'is_study'>, number>>;

/**
 * The set coefficients (assumptions; docs/synthetic-cohort.md gives the scan they were chosen
 * from). With them and is_study calibrated, the 2016 NEU + DUT cohort on the bundled data
 * expects 25 % in Liaoning and Beijing, Shanghai, Guangdong, Jiangsu and Shandong as the top five
 * other provinces, about 2 points ahead of the sixth (Zhejiang).
 */
export const DEFAULT_COEFFICIENTS: FixedCoefficients = {
  /** Income: 1.5 on ln income (a province with 10 % higher income draws about 15 % more graduates, all else equal). */
  ln_income: 1.5,
  /** Master's graduates weigh income more: 0.5 more on ln income, 2.0 in all. */
  master_ln_income: 0.5,
  /** Size of the job market: 1 on ln population (gravity mass elasticities lie near 1). */
  ln_population: 1,
  /** Amenity and internet-economy proxy: 0.05 per km of urban rail per million residents (Beijing's 26 km: +1.3). */
  rail_km_per_million: 0.05,
  /** Climate: 0.03 per degree C of mean temperature (a mild pull to the warm south). */
  temperature_c: 0.03,
  /** Distance from the home province: -0.2 per 100 km (1,000 km divide the odds by e^2, about 7). */
  distance_100km: -0.2,
  /** Home province: 2 (odds times e^2: graduates often go back home). */
  is_home: 2,
};
