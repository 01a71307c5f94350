// Page layout on a phone, measured as Chromium lays the page out:
//   node layout_check.mjs OUTPUT_DIR [--all] [--max-bytes N] [--max-height PX] [--report]
//                         [--min-chart-text PX]
// - no page scrolls sideways at 360 px (document.documentElement.scrollWidth <= 360);
// - with --max-bytes / --max-height: no HTML page larger / taller (at 360 px) than that;
// - --all measures every page (the national site); by default one page of every kind, as
//   check_site.mjs picks them (first page per top-level section, index or item, per language).
// - with --min-chart-text: chart text (an svg.chart's font-size scaled by its width on the page
//   over its viewBox width) at least that many CSS px at 360 px;
// --report prints the largest and the tallest page, for BENCHMARKS.md; --print also lays every
// page out as printed on A4 and fails a table or chart that runs past the paper's edge.
import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";

const args = process.argv.slice(2);
const outDir = args.find((a, i) => !a.startsWith("--") &&
  !(i > 0 && (args[i - 1].startsWith("--max") || args[i - 1].startsWith("--min"))));
const flag = (name) => args.includes(name);
const value = (name) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : 0; };
if (!outDir) {
  console.error("usage: node layout_check.mjs OUTPUT_DIR [--all] [--max-bytes N] [--max-height PX] [--report]");
  process.exit(2);
}
const maxBytes = value("--max-bytes");
const maxHeight = value("--max-height");
const minChartText = value("--min-chart-text");

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
const pages = (await walk(outDir)).filter((f) => f.endsWith(".html"));

// Deeper pages are kinds of their own (issue 21's bounded pages): a municipality's sub-pages by
// name (parskats, parskats/#, parskats/pielikums/#, olimpiades/#, iestades: "#" for a page
// number), elsewhere by their second segment (metodiki/pasvaldibas/<id>/, pasakumi/<year>/<n>/).
function subKind(parts) {
  if (parts.length <= 3) return "";
  const sub = parts[0] === "pasvaldibas" ? parts.slice(2, -1) : [parts[1]];
  return "/" + sub.map((p) => (/^\d+$/.test(p) ? "#" : p)).join("/");
}

let chosen = pages;
if (!flag("--all")) {
  const kinds = new Map();
  for (const page of pages) {
    const parts = page.split("/");
    const lang = parts[0].length === 2 && parts.length > 1 ? parts.shift() : "";
    let key = `${lang}/${parts.length > 1 ? parts[0] : page}/${parts.length > 2 ? "item" : "index"}${subKind(parts)}`;
    // The comparison of municipalities is a kind of its own (a wide sortable table, charts).
    if (page.endsWith("pasvaldibas/salidzinajums/index.html")) key = `${lang}/comparison`;
    if (!kinds.has(key)) kinds.set(key, []);
    kinds.get(key).push(page);
  }
  // The largest page of each kind is the one most likely to overflow.
  chosen = [];
  for (const list of kinds.values()) {
    let best = list[0], bestSize = -1;
    for (const p of list) {
      const s = (await stat(path.join(outDir, p))).size;
      if (s > bestSize) { best = p; bestSize = s; }
    }
    chosen.push(best);
  }
}

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml" };
const server = createServer(async (req, res) => {
  let p = decodeURIComponent(new URL(req.url, "http://x").pathname).slice(1);
  if (p === "" || p.endsWith("/")) p += "index.html";
  const full = path.join(outDir, p);
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
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
let failures = 0;
let smallestText = { file: "", px: Infinity };
let largest = { file: "", bytes: 0, height: 0 }, tallest = { file: "", bytes: 0, height: 0 };
for (const file of chosen) {
  const bytes = (await stat(path.join(outDir, file))).size;
  await page.goto(`http://127.0.0.1:${port}/${file.replace(/index\.html$/, "")}`,
    { waitUntil: "load", timeout: 120000 });
  const m = await page.evaluate(() => {
    const d = document.documentElement;
    // What sticks out, to say where to look.
    let culprit = "";
    if (d.scrollWidth > d.clientWidth) {
      for (const el of document.body.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (r.right > d.clientWidth + 1 && el.closest(".table-scroll, .table-wrap") === null) {
          culprit = `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ")[0] : ""} (${Math.round(r.right)} px)`;
          break;
        }
      }
    }
    // The smallest chart text as drawn: font-size in chart units times the drawn scale, over
    // the charts shown (each chart comes twice, wide and narrow, and the stylesheet hides one).
    let chartText = Infinity;
    for (const svg of document.querySelectorAll("svg.chart")) {
      const box = svg.viewBox.baseVal;
      const size = Number(svg.getAttribute("font-size") || 12);
      const drawn = svg.getBoundingClientRect().width;
      if (box && box.width > 0 && drawn > 0) chartText = Math.min(chartText, size * drawn / box.width);
    }
    return { width: d.scrollWidth, client: d.clientWidth, height: d.scrollHeight, culprit, chartText };
  });
  if (m.width > m.client) {
    failures++;
    console.log(`FAIL  ${file}: ${m.width} px wide at 360 px (${m.culprit})`);
  }
  if (maxBytes && bytes > maxBytes) {
    failures++;
    console.log(`FAIL  ${file}: ${bytes} bytes (over ${maxBytes})`);
  }
  if (maxHeight && m.height > maxHeight) {
    failures++;
    console.log(`FAIL  ${file}: ${m.height} px tall at 360 px (over ${maxHeight})`);
  }
  if (minChartText && m.chartText !== null && m.chartText < minChartText) {
    failures++;
    console.log(`FAIL  ${file}: chart text ${m.chartText.toFixed(1)} px at 360 px (under ${minChartText})`);
  }
  if (m.chartText !== null && m.chartText < smallestText.px) smallestText = { file, px: m.chartText };
  if (bytes > largest.bytes) largest = { file, bytes, height: m.height };
  if (m.height > tallest.height) tallest = { file, bytes, height: m.height };
}
// --print: the same pages as printed on A4 (210 mm less the stylesheet's 12 mm margins, 703 CSS
// px): no table or chart may reach past the paper's edge, where the printout would cut it.
if (flag("--print")) {
  const paper = await browser.newPage({ viewport: { width: 703, height: 1000 } });
  await paper.emulateMedia({ media: "print" });
  for (const file of chosen) {
    await paper.goto(`http://127.0.0.1:${port}/${file.replace(/index\.html$/, "")}`,
      { waitUntil: "load", timeout: 120000 });
    const cut = await paper.evaluate(() => {
      const edge = document.documentElement.clientWidth + 1;
      for (const el of document.querySelectorAll("table, svg.chart")) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > edge) {
          const name = el.querySelector("caption, title")?.textContent?.slice(0, 60) || el.className;
          return `${el.tagName.toLowerCase()} "${name}" ends at ${Math.round(r.right)} px`;
        }
      }
      return "";
    });
    if (cut) {
      failures++;
      console.log(`FAIL  ${file}: printed on A4, ${cut} (the paper is 703 px)`);
    }
  }
  console.log(`layout: ${chosen.length} pages measured as printed on A4`);
}
await browser.close();
server.close();
console.log(`layout: ${chosen.length} pages measured at 360 px`);
if (flag("--report")) {
  console.log(`largest: ${largest.file} ${largest.bytes} bytes, ${largest.height} px tall`);
  console.log(`tallest: ${tallest.file} ${tallest.bytes} bytes, ${tallest.height} px tall`);
  if (smallestText.file) {
    console.log(`smallest chart text: ${smallestText.file} ${smallestText.px.toFixed(1)} px`);
  }
}
console.log(failures ? `layout: FAILED (${failures})` : "layout: all pages fit");
process.exit(failures ? 1 : 0);
