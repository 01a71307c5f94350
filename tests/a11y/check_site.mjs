// Accessibility and HTML checks of a built site, as a person with a browser would meet it:
//   node check_site.mjs OUTPUT_DIR [BASE_PATH]
// - html-validate over every HTML page (zero errors);
// - axe-core (WCAG 2.1 A and AA rules) in Debian's Chromium over one page of every kind
//   (the first page found in each top-level section, in each language).
import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";
import { HtmlValidate } from "html-validate";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const [outDir, basePath = "/"] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node check_site.mjs OUTPUT_DIR [BASE_PATH]");
  process.exit(2);
}

async function walk(dir, rel = "") {
  const out = [];
  for (const name of (await readdir(dir)).sort()) {
    const full = path.join(dir, name);
    const r = rel ? `${rel}/${name}` : name;
    if ((await stat(full)).isDirectory()) out.push(...(await walk(full, r)));
    else out.push(r);
  }
  return out;
}

const files = await walk(outDir);
const pages = files.filter((f) => f.endsWith(".html"));
let failures = 0;

// 1. HTML validity.
const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // Long Latvian words and our own formatting are not an HTML error.
    "long-title": "off",
  },
});
for (const page of pages) {
  const report = await validator.validateFile(path.join(outDir, page));
  if (!report.valid) {
    failures++;
    for (const r of report.results)
      for (const m of r.messages)
        console.log(`FAIL  html ${page}:${m.line}:${m.column}: ${m.message} (${m.ruleId})`);
  }
}
console.log(`html-validate: ${pages.length} pages checked`);

// 2. axe-core in Chromium, one page of each kind.
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml", ".xml": "application/xml",
  ".ics": "text/calendar", ".csv": "text/csv" };
const server = createServer(async (req, res) => {
  let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (!p.startsWith(basePath)) { res.writeHead(404); res.end(); return; }
  p = p.slice(basePath.length);
  if (p === "" || p.endsWith("/")) p += "index.html";
  const full = path.join(outDir, p);
  if (!full.startsWith(path.resolve(outDir))) { res.writeHead(403); res.end(); return; }
  try {
    const body = await readFile(full);
    res.writeHead(200, { "content-type": types[path.extname(full)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const port = server.address().port;

// Deeper pages are kinds of their own (issue 21's bounded pages): a municipality's sub-pages by
// name (parskats, parskats/#, parskats/pielikums/#, olimpiades/#, iestades: "#" for a page
// number), elsewhere by their second segment (metodiki/pasvaldibas/<id>/, pasakumi/<year>/<n>/).
function subKind(parts) {
  if (parts.length <= 3) return "";
  const sub = parts[0] === "pasvaldibas" ? parts.slice(2, -1) : [parts[1]];
  return "/" + sub.map((p) => (/^\d+$/.test(p) ? "#" : p)).join("/");
}

const kinds = new Map();
for (const page of pages) {
  const parts = page.split("/");
  const lang = parts[0].length === 2 && parts.length > 1 ? parts.shift() : "";
  const key = `${lang}/${parts.length > 1 ? parts[0] : page}/${parts.length > 2 ? "item" : "index"}${subKind(parts)}`;
  if (!kinds.has(key)) kinds.set(key, page);
}
// Kinds the path does not tell apart: the comparison of municipalities (a page among the
// municipalities' own, with a sortable table and bar charts) and, in each language, the first
// institution page with its exam-index chart (issue 21).
for (const page of pages) {
  if (page.endsWith("pasvaldibas/salidzinajums/index.html")) kinds.set(`comparison:${page}`, page);
  const lang = page.split("/")[0].length === 2 ? page.split("/")[0] : "";
  if (/(^|\/)iestades\/[^/]+\/index\.html$/.test(page) && !kinds.has(`charted:${lang}`) &&
      (await readFile(path.join(outDir, page), "utf8")).includes('<figure class="chart"')) {
    kinds.set(`charted:${lang}`, page);
  }
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
for (const width of [1280, 360]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const file of kinds.values()) {
    const url = `http://127.0.0.1:${port}${basePath}${file.replace(/index\.html$/, "")}`;
    await page.goto(url);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }));
    if (result.violations.length) {
      failures++;
      for (const v of result.violations)
        console.log(`FAIL  axe ${width}px ${file}: ${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0].target})`);
    }
  }
  await page.close();
}
await browser.close();
server.close();
console.log(`axe: ${kinds.size} page kinds checked at 1280 and 360 px`);
console.log(failures ? `a11y: FAILED (${failures})` : "a11y: all pages pass");
process.exit(failures ? 1 : 0);
