// Links to a reader's edited code. The code travels in the URL's fragment (never sent to a
// server), compressed with the browser's CompressionStream ("deflate-raw") and written in
// base64url; the fragment also names the block (its snippet, and its index on the page for
// when a page shows one snippet twice) and, for a program with simulated threads, the seed
// of its last run:  #share=1&block=threads/race_and_lock.py&i=0&seed=42&code=…
// Opening such a link puts the code into its block (block.js: showShared), scrolls to it,
// and its first Run uses the seed.

export const MAX_URL = 8000; // characters: longer links break in mail, chats and some browsers
const MAX_CODE = 200_000; // characters a shared program may unpack to
const KEY = "share";

function base64url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function through(bytes, stream) {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

export async function pack(code) {
  const bytes = new TextEncoder().encode(code);
  return base64url(await through(bytes, new CompressionStream("deflate-raw")));
}

export async function unpack(text) {
  const bytes = await through(fromBase64url(text), new DecompressionStream("deflate-raw"));
  if (bytes.length > MAX_CODE * 4) throw new Error("too long");
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** The link that opens this page with `code` in the block; `seed` may be null. */
export async function shareLink({ name, index, code, seed }) {
  const params = new URLSearchParams();
  params.set(KEY, "1");
  params.set("block", name);
  params.set("i", String(index));
  if (seed !== null && seed !== undefined) params.set("seed", String(seed));
  params.set("code", await pack(code));
  const url = new URL(location.href);
  url.hash = params.toString();
  return url.href;
}

/** Whether this page was opened by a share link (its fragment starts with share=). */
export function isShareFragment(hash = location.hash) {
  return hash.startsWith(`#${KEY}=`);
}

/** Drop the share fragment from the address bar (no reload, no new history entry). */
export function clearShareFragment() {
  if (!isShareFragment()) return;
  history.replaceState(history.state, "", location.pathname + location.search);
}

/** Read the page's share fragment: null when there is none, otherwise
 * {block, code, seed} or {block, error} (block: the one named, or null). */
export async function readShare(blocks, hash = location.hash) {
  if (!isShareFragment(hash)) return null;
  const params = new URLSearchParams(hash.slice(1));
  const name = params.get("block");
  const index = Number(params.get("i"));
  const named = blocks.filter((b) => b.name === name);
  const block = named.find((b) => b.index === index) || named[0] || null;
  if (!block) return { block: null, error: `no example named ${name ?? "(none)"} on this page` };
  const seedText = params.get("seed");
  if (seedText !== null && !/^\d{1,15}$/.test(seedText)) return { block, error: "a bad seed" };
  try {
    const code = await unpack(params.get("code") || "");
    if (code.length > MAX_CODE) throw new Error("too long");
    return { block, code, seed: seedText === null ? null : Number(seedText) };
  } catch {
    return { block, error: "its code is damaged or cut short" };
  }
}

/** Apply the page's share fragment, if any, to its block once the editors are ready. */
export async function openShared(blocks) {
  const shared = await readShare(blocks);
  if (!shared) return;
  const block = shared.block || blocks[0];
  await block.ready;
  if (shared.error) block.showShareError(shared.error);
  else block.showShared(shared.code, shared.seed);
  block.root.scrollIntoView({ block: "start" });
}
