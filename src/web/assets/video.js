// Body videos (content/video.ts): each is a link to the video's page until a reader presses it; then,
// and only then, the player is loaded in its place. Nothing is asked of the video's site before.
(() => {
  'use strict';
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('.video .video-play') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const figure = link.closest('.video');
    const player = figure.dataset.player;
    if (!player) return;
    event.preventDefault();
    const frame = document.createElement('iframe');
    frame.src = player;
    frame.title = figure.querySelector('figcaption')?.textContent || 'فيديو';
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.allowFullscreen = true;
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    link.replaceWith(frame);
    frame.focus();
  });
})();
