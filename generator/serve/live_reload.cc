#include "serve/live_reload.h"

namespace metodika::serve {
namespace {

// Plain DOM code with no dependencies: it runs inside whatever page the site's theme makes.
// Error text goes in with textContent only, never innerHTML, so a message quoting a line of
// data with "<script>" in it shows as text. The overlay is a modal <dialog> (focus moves into it,
// Escape closes it, the page behind is inert), labelled and described for screen readers.
constexpr std::string_view kScript =
    R"JS(// metodika serve: reloads the page after each rebuild; shows a failed build's errors.
(() => {
  "use strict";
  const me = document.currentScript;
  const pageGeneration = me ? Number(me.dataset.generation) : NaN;
  let dialog = null;
  let focusBefore = null;

  function hide() {
    if (!dialog) return;
    if (dialog.open && typeof dialog.close === "function") dialog.close();
    dialog.remove();
    dialog = null;
    if (focusBefore && typeof focusBefore.focus === "function") focusBefore.focus();
    focusBefore = null;
  }

  function element(tag, text, css) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (css) e.style.cssText = css;
    return e;
  }

  function show(problems) {
    const keepFocus = dialog ? focusBefore : document.activeElement;
    hide();
    focusBefore = keepFocus;
    const n = problems.length;
    dialog = element("dialog", undefined,
      "max-width:min(60rem,95vw);max-height:85vh;overflow:auto;padding:1.5rem;" +
      "border:3px solid #b00020;border-radius:6px;background:#fff;color:#1a1a1a;" +
      "font:16px/1.5 system-ui,sans-serif;text-align:left;z-index:2147483647");
    dialog.id = "metodika-build-errors";
    dialog.lang = "en";
    dialog.setAttribute("role", "alertdialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", "metodika-build-errors-title");
    dialog.setAttribute("aria-describedby", "metodika-build-errors-note");
    const title = element("h2", n === 1 ? "The build failed: 1 error" :
      "The build failed: " + n + " errors", "margin:0 0 .5rem;font-size:1.4rem;color:#b00020");
    title.id = "metodika-build-errors-title";
    const note = element("p", "This page still shows the last good build. Fix the data and " +
      "save: the page reloads by itself.", "margin:0 0 1rem");
    note.id = "metodika-build-errors-note";
    const list = element("ol", undefined, "margin:0 0 1rem;padding-left:1.5rem");
    for (const p of problems) {
      const item = element("li", undefined, "margin-bottom:.75rem");
      item.append(element("pre", p.text, "margin:0;white-space:pre-wrap;overflow-wrap:anywhere;" +
        "font:14px/1.4 ui-monospace,monospace;background:#f6f6f6;color:#1a1a1a;padding:.5rem"));
      list.append(item);
    }
    const close = element("button", "Close", "font:inherit;padding:.25rem 1rem");
    close.type = "button";
    close.addEventListener("click", hide);
    dialog.append(title, note, list, close);
    dialog.addEventListener("cancel", (e) => { e.preventDefault(); hide(); });
    document.body.append(dialog);
    if (typeof dialog.showModal === "function") {
      dialog.showModal();
    } else {
      dialog.setAttribute("open", "");
      dialog.style.position = "fixed";
      dialog.style.top = "5vh";
      dialog.addEventListener("keydown", (e) => { if (e.key === "Escape") hide(); });
      close.focus();
    }
  }

  const events = new EventSource("/__metodika/events");
  events.addEventListener("hello", (e) => {
    // A page from an older build (one that missed a reload while the server was away) reloads.
    const generation = JSON.parse(e.data).generation;
    if (!Number.isNaN(pageGeneration) && generation !== pageGeneration) location.reload();
  });
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("build-error", (e) => show(JSON.parse(e.data).problems));
})();
)JS";

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string_view live_script() { return kScript; }

std::string live_script_tag(uint64_t generation) {
  return "<script src=\"" + std::string(kLiveScriptPath) + "\" data-generation=\"" +
         std::to_string(generation) + "\"></script>";
}

size_t find_body_end(std::string_view html) {
  constexpr std::string_view kClose = "</body";
  for (size_t i = html.size() >= kClose.size() ? html.size() - kClose.size() + 1 : 0; i-- > 0;) {
    bool match = true;
    for (size_t k = 0; k < kClose.size() && match; ++k) {
      match = ascii_lower(html[i + k]) == kClose[k];
    }
    if (match) return i;
  }
  return std::string_view::npos;
}

std::string inject_before_body_end(std::string_view html, std::string_view tag) {
  size_t at = find_body_end(html);
  std::string out;
  out.reserve(html.size() + tag.size());
  if (at == std::string_view::npos) {
    out.append(html).append(tag);
  } else {
    out.append(html.substr(0, at)).append(tag).append(html.substr(at));
  }
  return out;
}

}  // namespace metodika::serve
