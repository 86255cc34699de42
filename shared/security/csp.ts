// The Content Security Policy, in one place (Electron security checklist #7). The app://
// protocol handler sends it as a header, the built index.html carries it as a meta tag (the
// build injects it from here) and the browser test host sends the same header.
// The app loads nothing from anywhere but itself: no network, no inline script, no eval.
export const CSP_PRODUCTION = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

// The Vite dev server injects styles inline and talks to its HMR socket; only `npm run dev`
// uses this variant, never a build.
export const CSP_DEVELOPMENT = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
