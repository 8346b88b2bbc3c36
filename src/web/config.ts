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
  /** One line about the site: the home page's meta description and the feeds' (issue #6). */
  description: string;
  /** The publisher's logo (a path on the site or an absolute URL), for JSON-LD. */
  logo: string;
  /** A default share image (path or absolute URL) for og:image and JSON-LD, until articles have images. */
  image?: string;
  /** Feeds carry the article's full text or only its description. */
  feedContent: 'full' | 'summary';
  /** Digits in the site's own text (dates, times, counts): Latin (0-9) or Arabic-Indic (٠-٩). */
  digits: 'latn' | 'arab';
}

export function siteConfig(overrides: Partial<SiteConfig> = {}, env = process.env): SiteConfig {
  return {
    name: env.SAHIFA_NAME ?? 'صحيفة',
    baseUrl: (env.SAHIFA_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    timeZone: env.SAHIFA_TIMEZONE ?? 'Asia/Riyadh',
    pageSize: 12,
    description: env.SAHIFA_DESCRIPTION ?? 'آخر الأخبار من منصة نشر إخبارية عربية',
    logo: env.SAHIFA_LOGO ?? '/assets/logo.png',
    image: env.SAHIFA_IMAGE || undefined,
    feedContent: env.SAHIFA_FEED_CONTENT === 'summary' ? 'summary' : 'full',
    digits: env.SAHIFA_DIGITS === 'arab' ? 'arab' : 'latn',
    ...overrides,
  };
}
