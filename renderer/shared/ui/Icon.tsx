/**
 * Icons drawn as inline SVG in the text colour. Emoji and symbol characters depend on the fonts a
 * terminal happens to have (headless Chromium on Debian has no emoji font and shows empty boxes),
 * so the few icons we need are paths of our own. Always decorative: the button's text names it.
 */
export type IconName = 'home' | 'speaker' | 'contrast' | 'phone' | 'close';

const PATHS: Record<IconName, string> = {
  home: 'M12 3 2 12h3v8h6v-5h2v5h6v-8h3z',
  speaker:
    'M3 9v6h4l5 5V4L7 9zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z',
  close: 'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z',
  contrast: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2v16a8 8 0 0 1 0-16z',
  phone:
    'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z',
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="pop-icon"
      viewBox="0 0 24 24"
      width="1.1em"
      height="1.1em"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
