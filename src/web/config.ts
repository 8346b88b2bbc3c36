/** What a site is configured with; every field has a working default. */
export interface SiteConfig {
  /** The site's name, shown in the header and titles. */
  name: string;
  /** Public base URL, for canonical links and feeds (no trailing slash). */
  baseUrl: string;
  /** The newsroom's time zone: dates are shown in it, whatever the server's. */
  timeZone: string;
  /** Articles per list page. */
  pageSize: number;
}

export function siteConfig(overrides: Partial<SiteConfig> = {}, env = process.env): SiteConfig {
  return {
    name: env.SAHIFA_NAME ?? 'صحيفة',
    baseUrl: (env.SAHIFA_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    timeZone: env.SAHIFA_TIMEZONE ?? 'Asia/Riyadh',
    pageSize: 12,
    ...overrides,
  };
}
