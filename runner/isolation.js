// Settings for coi-serviceworker (loaded right after this script). It makes a page
// cross-origin isolated where the host sends no COOP/COEP headers (GitHub Pages), so that
// Stop can interrupt a running program instead of restarting Python. Registering it
// reloads the page once; only pages with runnable examples do that.
window.coi = {
  shouldRegister: () => document.querySelector('[data-run="browser"]') !== null,
  coepCredentialless: () => false,
  quiet: true,
};
