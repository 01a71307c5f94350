// The manual page and the shell completion, both written from the command line's own definition
// (the CLI11 app that parses the arguments), so that `metodika --help`, metodika(1) and the
// completion can never disagree about a subcommand or an option.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

namespace metodika::cli {

/// metodika(1) in man(7) roff: the app's description, a synopsis and a section per subcommand
/// with every option's help text, then the footer (exit status, environment) as sections.
[[nodiscard]] std::string man_page(const CLI::App& app, std::string_view version);

/// A bash completion script (`complete -F`) for the subcommands, their options and the values of
/// options with a fixed set of values; folders where a folder is asked for.
[[nodiscard]] std::string bash_completion(const CLI::App& app);

}  // namespace metodika::cli
