/** Which browser origins may call the API cross-origin (config key `cors`); none by default: no CORS at all. */
export interface CorsConfig {
  /** exact origins (`https://portaal.gemeente.nl`, scheme, host and port), as a browser sends them in `Origin` */
  origins: readonly string[];
}

export const DEFAULT_CORS_CONFIG: CorsConfig = { origins: [] };
