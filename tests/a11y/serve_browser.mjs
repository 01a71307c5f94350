// `metodika serve` driven from Debian's Chromium while the data is edited, as a person would:
//   node serve_browser.mjs METODIKA SOURCE_DIR
// - an edit reloads the open page and the page shows it;
// - breaking the data (an impossible date, with markup in the line) keeps the page and opens the
//   error dialog: the file:line:col error as text (no markup from the data becomes elements),
//   focus inside, no axe-core (WCAG 2.1 A/AA) violation; Escape closes it;
// - fixing the data reloads the page and the dialog is gone.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [metodika, src] = process.argv.slice(2);
const work = mkdtempSync(path.join(tmpdir(), "metodika-serve-browser."));
const site = path.join(work, "site");
cpSync(path.join(src, "tests/sites/valid/kurzeme-json"), site, { recursive: true });

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"}  ${what}`);
  if (!ok) failures++;
}
function replaceIn(rel, from, to) {
  const file = path.join(site, rel);
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${rel} has no ${from}`);
  writeFileSync(file, text.replace(from, to));
}

const server = spawn(metodika, ["serve", site, "--port", "0", "--as-of", "2026-11-22"],
  { stdio: ["ignore", "ignore", "pipe"] });
let log = "";
const port = await new Promise((resolve, reject) => {
  server.stderr.on("data", (d) => {
    log += d;
    const m = log.match(/at http:\/\/127\.0\.0\.1:(\d+)\//);
    if (m) resolve(Number(m[1]));
  });
  server.on("exit", () => reject(new Error(`serve exited:\n${log}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = await browser.newPage();
  // The state's methodologists' list (since issue 21 /metodiki/ links the lists, names no one).
  const url = `http://127.0.0.1:${port}/metodiki/valsts/`;
  await page.goto(url);
  // The stream is open once the server's hello has been handled; give it a moment.
  await page.waitForTimeout(500);

  // An edit reloads the page.
  let reloaded = page.waitForEvent("load", { timeout: 15000 });
  replaceIn("data/methodologists.yaml", "name: Rasma Vilka", "name: Rasma Vilka-Ozola");
  await reloaded;
  check((await page.content()).includes("Vilka-Ozola"), "an edit reloads the page with the change");
  await page.waitForTimeout(300);

  // Broken data: the dialog, the page unchanged.
  replaceIn("data/events/kurzeme.yaml", "start: 2026-08-25T09:00",
    "start: 2026-13-45T09:00 <img src=x onerror=alert(1)>");
  const dialog = page.locator("#metodika-build-errors");
  await dialog.waitFor({ state: "visible", timeout: 15000 });
  check(true, "broken data opens the error dialog");
  const text = await dialog.innerText();
  check(text.includes("data/events/kurzeme.yaml:9:10: error: invalid date and time"),
    "the dialog lists the error with file:line:col");
  check(text.includes("<img src=x onerror=alert(1)>"), "markup in the data shows as text");
  check(await dialog.locator("img").count() === 0, "…and never becomes an element");
  check((await page.content()).includes("Vilka-Ozola"), "the last good page stays behind it");
  check(await page.evaluate(() =>
    document.getElementById("metodika-build-errors").contains(document.activeElement)),
  "focus moves into the dialog");
  check(await dialog.getAttribute("role") === "alertdialog" &&
    await page.evaluate(() => document.getElementById("metodika-build-errors").open),
  "it is a modal alertdialog");
  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(async () => await window.axe.run(
    { include: ["#metodika-build-errors"] },
    { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }));
  for (const v of axe.violations) console.log(`      axe: ${v.id}: ${v.help}`);
  check(axe.violations.length === 0, "the dialog passes axe-core (WCAG 2.1 A/AA)");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached", timeout: 5000 });
  check(true, "Escape closes the dialog");

  // A page opened while the data is broken shows the dialog at once.
  const second = await browser.newPage();
  await second.goto(`http://127.0.0.1:${port}/`);
  await second.locator("#metodika-build-errors").waitFor({ state: "visible", timeout: 15000 });
  check(true, "a page opened while the data is broken shows the dialog");

  // Fixed: both pages reload, no dialog.
  reloaded = second.waitForEvent("load", { timeout: 15000 });
  replaceIn("data/events/kurzeme.yaml", "start: 2026-13-45T09:00 <img src=x onerror=alert(1)>",
    "start: 2026-08-25T09:00");
  await reloaded;
  await second.waitForTimeout(300);
  check(await second.locator("#metodika-build-errors").count() === 0,
    "fixing the data reloads the page and the dialog is gone");
} finally {
  await browser.close();
  server.kill("SIGINT");
  await new Promise((r) => server.on("exit", r));
  rmSync(work, { recursive: true, force: true });
}
if (failures) console.log(log);
console.log(failures ? `serve in the browser: FAILED (${failures})` : "serve in the browser: all pass");
process.exit(failures ? 1 : 0);
