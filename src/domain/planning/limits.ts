/**
 * Limits of the planning views (scenarios, overlays, CO2, matrix,
 * reachability) that keep one request cheap. Stated in the API schemas and in
 * GET /v1/info.
 */
export const PLANNING_LIMITS = Object.freeze({
  /**
   * Overlays sent with one request. Each request with overlays prepares a fresh
   * network (~8 ms on the real data set), and a scenario rarely needs more.
   */
  maxRequestOverlays: 20,
  /** Cargo mass, t: far above a block train (~4,000 t) or a regional container ship. */
  maxCargoTonnes: 1_000_000,
  /** Containers, TEU: the largest container ships carry about 24,000 TEU. */
  maxCargoTeu: 100_000,
  /** Net t per TEU: above a 20 ft box's payload limit (about 28 t), so only typos are refused. */
  maxTonnesPerTeu: 40,
  /**
   * Matrix sources: one single-source search each (~45 ms on the real data set,
   * so 50 sources ≈ 2.3 s of CPU, interleaved with other requests).
   */
  maxMatrixSources: 50,
  /** Matrix targets: cheap (read from each source's search), so up to every place of the data set. */
  maxMatrixTargets: 200,
  /**
   * Closure impact: elements (crossings, ferries, links) checked per lane, one
   * route search each (~35–60 ms on the real data set, so 60 ≈ 3 s of CPU,
   * interleaved with other requests). Almaty → Karachi has 49.
   */
  maxResilienceElements: 60,
  /** Lanes in one closure-impact matrix. */
  maxResilienceLanes: 8,
  /** Elements checked over all lanes of one matrix together (≈ 6–7 s of CPU at most). */
  maxResilienceTotalElements: 120,
  /** Reachability budget, h: 30 days, beyond the slowest route of the network. */
  maxReachabilityHours: 720,
});

/** Cargo mass used for CO2 when none is given, t. */
export const DEFAULT_CARGO_TONNES = 1;
