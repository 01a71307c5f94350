// The browser side of `metodika serve`: a small script that listens to the server's build events
// (server-sent events), reloads the page after a good build and shows the errors of a failed one
// in an overlay dialog. It is added to HTML responses on the fly, only when serving: the files on
// disk stay exactly what `metodika build` writes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace metodika::serve {

/// Where the server answers the script and the event stream; a site has no such paths.
inline constexpr std::string_view kLiveScriptPath = "/__metodika/live.js";
inline constexpr std::string_view kEventsPath = "/__metodika/events";

/// The script's text (served at kLiveScriptPath).
[[nodiscard]] std::string_view live_script();

/// The tag that loads the script; `generation` is the build the page comes from, so that a page
/// that missed a reload while disconnected reloads when it reconnects.
[[nodiscard]] std::string live_script_tag(uint64_t generation);

/// Where the last `</body` (any letter case) of `html` starts, or npos.
[[nodiscard]] size_t find_body_end(std::string_view html);

/// Inserts `tag` before the last `</body>` (any letter case) of `html`, or appends it when the
/// page has none.
[[nodiscard]] std::string inject_before_body_end(std::string_view html, std::string_view tag);

}  // namespace metodika::serve
