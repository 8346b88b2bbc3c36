/**
 * Videos in a body: a YouTube or Vimeo address alone in its paragraph (as
 * news copy pastes them, and as WordPress's embed blocks and Ghost's embed
 * cards hold them) becomes a video. The page shows a button that loads the
 * player only when a reader presses it (assets/video.js): until then the
 * page asks nothing of the video's site, which would slow it and tell that
 * site who is reading. Written by hand because the work is recognising two
 * sites' address forms and writing one element; an oEmbed client would call
 * those sites on every save.
 */

export type VideoProvider = 'youtube' | 'vimeo';

export interface Video {
  provider: VideoProvider;
  /** The video's id on its site: YouTube's 11 characters, Vimeo's digits. */
  id: string;
}

const YOUTUBE_ID = '([A-Za-z0-9_-]{11})';
const YOUTUBE = [
  new RegExp(`^https?://(?:www\\.|m\\.)?youtube\\.com/watch\\?(?:[^#]*&)?v=${YOUTUBE_ID}(?:[&#].*)?$`),
  new RegExp(`^https?://(?:www\\.|m\\.)?youtube(?:-nocookie)?\\.com/(?:embed|shorts|live)/${YOUTUBE_ID}(?:[/?#].*)?$`),
  new RegExp(`^https?://youtu\\.be/${YOUTUBE_ID}(?:[/?#].*)?$`),
];
const VIMEO = [/^https?:\/\/(?:www\.)?vimeo\.com\/(\d{1,12})(?:[/?#].*)?$/, /^https?:\/\/player\.vimeo\.com\/video\/(\d{1,12})(?:[/?#].*)?$/];

/** The video an address shows, or null when it is not one of a video site's forms. */
export function videoAt(url: string): Video | null {
  const address = url.trim();
  for (const re of YOUTUBE) {
    const id = re.exec(address)?.[1];
    if (id) return { provider: 'youtube', id };
  }
  for (const re of VIMEO) {
    const id = re.exec(address)?.[1];
    if (id) return { provider: 'vimeo', id };
  }
  return null;
}

/** The video's page on its own site: where a reader without scripts, or a feed, goes. */
export function videoPage({ provider, id }: Video): string {
  return provider === 'youtube' ? `https://www.youtube.com/watch?v=${id}` : `https://vimeo.com/${id}`;
}

/** The player's address, loaded on the reader's press: YouTube's privacy-enhanced host, Vimeo's without tracking. */
export function videoPlayer({ provider, id }: Video): string {
  return provider === 'youtube' ? `https://www.youtube-nocookie.com/embed/${id}?autoplay=1` : `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`;
}

const SITE_NAMES: Record<VideoProvider, string> = { youtube: 'يوتيوب', vimeo: 'فيميو' };

/**
 * The video's element: a link to its page (which works without scripts)
 * that video.js turns into the player when pressed, and its caption.
 * `escape` is the caller's HTML escaping.
 */
export function videoHtml(video: Video, caption: string, escape: (text: string) => string): string {
  const label = caption || `فيديو على ${SITE_NAMES[video.provider]}`;
  return (
    `<figure class="video" data-player="${escape(videoPlayer(video))}">` +
    `<a class="video-play" href="${escape(videoPage(video))}" rel="nofollow noopener"><span class="video-icon" aria-hidden="true"></span>` +
    `<span class="video-label">شاهد الفيديو <span class="video-site">(${SITE_NAMES[video.provider]})</span></span></a>` +
    `<figcaption>${escape(label)}</figcaption></figure>`
  );
}
