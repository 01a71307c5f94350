// Browses a site served by nginx with deploy/nginx/metodika.conf (tests/e2e/nginx.sh) in Debian's
// Chromium and fails on any Content-Security-Policy violation, any failed request, or a script
// that the policy kept from working:
//   node csp_check.mjs BASE_URL OUTPUT_DIR
// One page of every kind (the first page found in each top-level section, in each language), then
// the search (search.js fetches the index), the list filter's choices and sort.js.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";

const [base, outDir] = process.argv.slice(2);
if (!base || !outDir) {
  console.error("usage: node csp_check.mjs BASE_URL OUTPUT_DIR");
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

const pages = (await walk(outDir)).filter((f) => f.endsWith(".html"));
const kinds = new Map();
for (const page of pages) {
  const parts = page.split("/");
  const lang = parts[0].length === 2 && parts.length > 1 ? parts.shift() : "";
  let key = `${lang}/${parts.length > 1 ? parts[0] : page}/${parts.length > 2 ? "item" : "index"}`;
  // The comparison of municipalities runs sort.js: a kind of its own.
  if (page.endsWith("pasvaldibas/salidzinajums/index.html")) key = `${lang}/comparison`;
  if (!kinds.has(key)) kinds.set(key, page);
}

let failures = 0;
const fail = (msg) => { failures++; console.log(`FAIL  ${msg}`); };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
// Every violation, whether or not the console reports it.
await context.addInitScript(() => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}` +
                      ` (${e.sourceFile || ""}:${e.lineNumber || 0})`));
});
const page = await context.newPage();
let current = "";
page.on("console", (m) => {
  if (/Content.Security.Policy|Refused to/i.test(m.text())) fail(`${current}: console: ${m.text()}`);
});
page.on("requestfailed", (r) => fail(`${current}: request failed: ${r.url()} ${r.failure()?.errorText}`));
page.on("response", (r) => {
  if (r.status() >= 400 && r.request().resourceType() !== "document")
    fail(`${current}: ${r.status()} for ${r.url()}`);
});

async function visit(file) {
  current = file;
  const url = `${base}/${file.replace(/index\.html$/, "")}`;
  const response = await page.goto(url, { waitUntil: "load" });
  if (response.status() !== 200) fail(`${file}: HTTP ${response.status()}`);
  if (!response.headers()["content-security-policy"]) fail(`${file}: no Content-Security-Policy`);
  await page.waitForTimeout(50);
  for (const v of await page.evaluate(() => window.__csp)) fail(`${file}: ${v}`);
}

for (const file of kinds.values()) await visit(file);

// The scripts: the search box appears and finds, the filter narrows the list.
const search = [...kinds.values()].find((f) => /^meklet\/index\.html$/.test(f));
if (search) {
  await visit(search);
  if (await page.locator("#meklet").isHidden()) fail("search: search.js did not run");
  await page.fill("#meklet-q", "a");
  await page.waitForFunction(() => document.querySelectorAll("#meklet-rezultati li").length > 0,
                             null, { timeout: 5000 }).catch(() => fail("search: no results"));
  // The count is a live region, said once typing pauses (search.js).
  await page.waitForFunction(() => document.getElementById("meklet-statuss").textContent !== "",
                             null, { timeout: 5000 }).catch(() => fail("search: no count said"));
  for (const v of await page.evaluate(() => window.__csp)) fail(`search: ${v}`);
}
// list-filter.js's choices on /olimpiades/: choosing a value narrows the list to the items that
// carry it, the address keeps it (?stage=…), and loading that address chooses it again.
const olympiads = [...kinds.values()].find((f) => /^olimpiades\/index\.html$/.test(f));
if (olympiads) {
  await visit(olympiads);
  const select = page.locator(".list-filter select").first();
  if (await page.locator(".list-filter").isHidden()) fail("olympiads: list-filter.js did not run");
  else if (await select.count()) {
    const param = await select.getAttribute("data-param");
    const attr = await select.getAttribute("data-attr");
    const value = await select.locator("option").nth(1).getAttribute("value");
    await select.selectOption(value);
    const expected = await page.locator(`main ul.cal-list > li[data-${attr}~="${value}"]`).count();
    const shown = await page.locator("main ul.cal-list > li:visible").count();
    if (shown !== expected || shown === 0) fail(`olympiads: ${param}=${value} shows ${shown}, expected ${expected}`);
    const search = new URL(page.url()).searchParams.get(param);
    if (search !== value) fail(`olympiads: the address keeps ${param}=${search}, not ${value}`);
    await page.reload({ waitUntil: "load" });
    await page.waitForTimeout(50);
    if ((await select.inputValue()) !== value) fail(`olympiads: ${param}=${value} not restored on load`);
    const again = await page.locator("main ul.cal-list > li:visible").count();
    if (again !== expected) fail(`olympiads: after a reload ${again} shown, expected ${expected}`);
    const sw = page.locator(".lang-switch");
    if ((await sw.count()) && !(await sw.getAttribute("href")).includes(`${param}=${value}`)) {
      fail(`olympiads: the language switch drops ${param}=${value}`);
    }
  }
  for (const v of await page.evaluate(() => window.__csp)) fail(`list filter choices: ${v}`);
}
// list-filter.js: on /iestades/ (the municipalities, each with its count of institutions), typing
// a municipality's name without its diacritics narrows the list to it.
const institutions = [...kinds.values()].find((f) => /^iestades\/index\.html$/.test(f));
if (institutions) {
  await visit(institutions);
  if (await page.locator(".list-filter input").count() === 0) fail("institutions: list-filter.js did not run");
  else {
    const items = page.locator("main ul.item-list > li");
    const all = await items.count();
    const name = (await items.first().locator("a").first().textContent()).trim();
    const folded = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    await page.fill(".list-filter input", folded);
    const shown = await page.locator("main ul.item-list > li:visible").count();
    if (shown < 1 || (all > 1 && shown >= all)) fail(`institutions: "${folded}" shows ${shown} of ${all}`);
  }
  for (const v of await page.evaluate(() => window.__csp)) fail(`list filter: ${v}`);
}
const comparison = [...kinds.values()].find((f) => /^pasvaldibas\/salidzinajums\/index\.html$/.test(f));
if (comparison) {
  await visit(comparison);
  // sort.js made the headings buttons; sorting by a column sets aria-sort on it.
  const button = page.locator("table.data th button.sort").nth(2);
  if (!(await button.count())) fail("comparison: sort.js did not run");
  else {
    await button.click();
    const sort = await page.locator("table.data thead th").nth(2).getAttribute("aria-sort");
    if (sort !== "ascending") fail(`comparison: aria-sort after a click is ${sort}`);
  }
  for (const v of await page.evaluate(() => window.__csp)) fail(`sort: ${v}`);
}
await browser.close();
console.log(`csp: ${kinds.size} page kinds browsed through nginx`);
console.log(failures ? `csp: FAILED (${failures})` : "csp: no violations");
process.exit(failures ? 1 : 0);
