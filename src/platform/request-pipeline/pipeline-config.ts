/** Limits every API request goes through, whichever door it uses (config key `pipeline`). */
export interface PipelineConfig {
  /**
   * ms from the request's arrival until its answer starts, queueing at the concurrency limiter included; then
   * every SOAP call still running for it is aborted and it answers BACKEND_TIMEOUT. 0 switches it off.
   * A large upload over a slow connection streams within this time too.
   */
  deadlineMs: number;
  /** requests per client (IP) per `rateLimitWindowMs`, GraphQL and REST together; 0 switches it off */
  rateLimitMax: number;
  rateLimitWindowMs: number;
  /**
   * addresses or CIDR ranges of the load balancers and proxies in front of the facade: only from these is
   * X-Forwarded-For believed, so the rate limit and the log name the real client rather than the proxy (which
   * would put every caller behind it on one counter). Empty: the peer address is the client.
   */
  vertrouwdeProxies: readonly string[];
}

export const DEFAULT_PIPELINE_CONFIG: PipelineConfig = {
  deadlineMs: 30_000,
  rateLimitMax: 300,
  rateLimitWindowMs: 60_000,
  vertrouwdeProxies: [],
};
