// Edits kept in the browser: a reader's edited code survives a reload, Back and coming back
// to the page. Kept per page and block in localStorage, with a hash of the original, so that
// an edit of an example that has changed since is dropped rather than shown as the new one.

export const EDIT_PREFIX = "guide-runner:edit:";

function hashOf(text) {
  let hash = 0x811c9dc5; // FNV-1a, 32 bits: enough to tell versions of one example apart
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}

export const keptEdits = {
  read(key, original) {
    try {
      const kept = JSON.parse(localStorage.getItem(key));
      if (kept && kept.of === hashOf(original) && typeof kept.code === "string") return kept.code;
      if (kept) localStorage.removeItem(key); // an edit of an older version of the example
    } catch {
      // no storage (a private window, a blocked site): edits last as long as the page
    }
    return null;
  },
  write(key, original, code) {
    try {
      if (code === original) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify({ of: hashOf(original), code }));
    } catch {
      // storage full or refused: the edit stays in the page
    }
  },
};
