"""The built site in a real browser (Debian's Chromium driven by Playwright): the in-page
runner of runner/ runs every runnable example and handles bad input."""
