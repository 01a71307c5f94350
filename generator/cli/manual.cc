#include "cli/manual.h"

#include <sstream>
#include <vector>

namespace metodika::cli {
namespace {

// roff: a backslash is \e, a hyphen in an option name is \- (a minus, so that copying the page
// gives a command that works), and a line starting with . or ' would be a request.
std::string roff(std::string_view text, bool minus = false) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-' && minus) {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

std::vector<const CLI::App*> subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

// The options help shows, in the order they were defined; --help itself is left out (it is in
// every command and said once in the synopsis).
std::vector<const CLI::Option*> named_options(const CLI::App& cmd) {
  return cmd.get_options([](const CLI::Option* o) {
    return o->nonpositional() && !o->get_group().empty() && o->get_name() != "--help";
  });
}

std::vector<const CLI::Option*> positionals(const CLI::App& cmd) {
  return cmd.get_options([](const CLI::Option* o) { return o->get_positional(); });
}

// "--jobs, -j" (long names first: they are the ones the README uses).
std::string option_names(const CLI::Option& o) {
  std::string s;
  for (const std::string& l : o.get_lnames()) s += (s.empty() ? "--" : ", --") + l;
  for (const std::string& n : o.get_snames()) s += (s.empty() ? "-" : ", -") + n;
  return s;
}

// The value an option takes as --help names it ("DIR", "YYYY-MM-DD"); empty for a flag.
std::string value_name(const CLI::Option& o) {
  if (o.get_items_expected_max() == 0) return "";
  std::string t = o.get_type_name();
  return t.substr(0, t.find(':'));
}

// The fixed values of an option checked with CLI::IsMember ("TEXT:{site,reports,annexes}").
std::vector<std::string> choices(const CLI::Option& o) {
  std::string t = o.get_type_name();
  size_t open = t.find('{'), close = t.rfind('}');
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::stringstream ss(t.substr(open + 1, close - open - 1));
  for (std::string item; std::getline(ss, item, ',');) out.push_back(item);
  return out;
}

bool takes_folder(const CLI::Option& o) {
  std::string v = o.get_positional() ? o.get_name(true) : value_name(o);
  return v == "DIR" || v == "SITE_DIR";
}

std::string synopsis_of(const CLI::App& cmd) {
  std::string s;
  for (const CLI::Option* p : positionals(cmd)) {
    std::string name = p->get_name(true);
    s += p->get_required() ? " " + name : " [" + name + "]";
  }
  if (!named_options(cmd).empty()) s += " [OPTIONS]";
  return s;
}

// The footer of --help is paragraphs headed "Title:" with indented "TERM  text" lines; each
// becomes a man page section with a tagged paragraph per term.
void footer_sections(std::ostringstream& man, const std::string& footer) {
  std::stringstream in(footer);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    if (line[0] != ' ' && line.back() == ':') {
      std::string title = line.substr(0, line.size() - 1);
      for (char& c : title) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      man << ".SH \"" << title << "\"\n";
      continue;
    }
    size_t start = line.find_first_not_of(' ');
    size_t gap = line.find("  ", start);
    if (gap == std::string::npos) {
      man << roff(line.substr(start)) << "\n";
      continue;
    }
    size_t text = line.find_first_not_of(' ', gap);
    man << ".TP\n.B " << roff(line.substr(start, gap - start), true) << "\n"
        << roff(line.substr(text)) << "\n";
  }
}

}  // namespace

std::string man_page(const CLI::App& app, std::string_view version) {
  std::ostringstream man;
  const std::string name = app.get_name();
  std::string description = app.get_description();
  // No date in .TH: the page is the same bytes for the same version (reproducible packages).
  man << ".TH " << "METODIKA 1 \"\" \"" << name << " " << version << "\" \"User Commands\"\n";
  man << ".SH NAME\n" << name << " \\- static site generator and report compiler for the "
      << "teacher professional support system\n";
  man << ".SH SYNOPSIS\n";
  for (const CLI::App* cmd : subcommands(app)) {
    man << "\\fB" << name << " " << cmd->get_name() << "\\fR" << roff(synopsis_of(*cmd))
        << "\n.br\n";
  }
  man << "\\fB" << name << "\\fR \\-\\-help | \\-\\-version\n";
  man << ".SH DESCRIPTION\n" << roff(description) << "\n";
  man << ".PP\nEvery command also takes \\fB\\-\\-help\\fR, which prints what this page says of "
         "it.\n";
  man << ".SH COMMANDS\n";
  for (const CLI::App* cmd : subcommands(app)) {
    man << ".SS \"" << name << " " << cmd->get_name() << roff(synopsis_of(*cmd)) << "\"\n"
        << roff(cmd->get_description()) << ".\n";
    for (const CLI::Option* p : positionals(*cmd)) {
      man << ".TP\n.I " << p->get_name(true) << "\n" << roff(p->get_description()) << "\n";
    }
    for (const CLI::Option* o : named_options(*cmd)) {
      man << ".TP\n.B " << roff(option_names(*o), true);
      if (std::string v = value_name(*o); !v.empty()) man << " \\fI" << roff(v) << "\\fR";
      man << "\n" << roff(o->get_description()) << "\n";
    }
  }
  footer_sections(man, app.get_footer());
  man << ".SH \"SEE ALSO\"\n"
         "README.md and docs/data-model.md in Metodika's source: the input format, incremental "
         "builds, publishing on a web server.\n";
  return man.str();
}

std::string bash_completion(const CLI::App& app) {
  const std::string name = app.get_name();
  std::ostringstream sh;
  sh << "# bash completion for " << name << ", written by `" << name
     << " --bash-completion` from its own command line\n"
     << "_" << name << "() {\n"
     << "  local cur prev words cword\n"
     << "  _init_completion || return\n"
     << "  local cmd=\"\" i\n"
     << "  for ((i = 1; i < cword; i++)); do\n"
     << "    case ${words[i]} in -*) ;; *) cmd=${words[i]}; break ;; esac\n"
     << "  done\n"
     << "  if [[ -z $cmd ]]; then\n"
     << "    COMPREPLY=($(compgen -W \"";
  std::string sep;
  for (const CLI::App* cmd : subcommands(app)) {
    sh << sep << cmd->get_name();
    sep = " ";
  }
  sh << " --help --version\" -- \"$cur\"))\n"
     << "    return\n"
     << "  fi\n"
     << "  case $cmd in\n";
  for (const CLI::App* cmd : subcommands(app)) {
    sh << "    " << cmd->get_name() << ")\n      case $prev in\n";
    std::string words = "--help";
    for (const CLI::Option* o : named_options(*cmd)) {
      std::string pattern;
      for (const std::string& l : o->get_lnames()) {
        pattern += (pattern.empty() ? "--" : "|--") + l;
        words += " --" + l;
      }
      for (const std::string& s : o->get_snames()) pattern += (pattern.empty() ? "-" : "|-") + s;
      if (value_name(*o).empty()) continue;
      sh << "        " << pattern << ")\n";
      if (std::vector<std::string> values = choices(*o); !values.empty()) {
        sh << "          COMPREPLY=($(compgen -W \"";
        for (size_t i = 0; i < values.size(); ++i) sh << (i ? " " : "") << values[i];
        sh << "\" -- \"$cur\"))\n";
      } else if (takes_folder(*o)) {
        sh << "          _filedir -d\n";
      }
      sh << "          return ;;\n";
    }
    sh << "      esac\n"
       << "      if [[ $cur == -* ]]; then\n"
       << "        COMPREPLY=($(compgen -W \"" << words << "\" -- \"$cur\"))\n"
       << "      else\n";
    bool folder = false;
    for (const CLI::Option* p : positionals(*cmd)) folder = folder || takes_folder(*p);
    sh << (folder ? "        _filedir -d\n" : "        :\n") << "      fi\n      ;;\n";
  }
  sh << "  esac\n"
     << "} &&\n"
     << "  complete -F _" << name << " " << name << "\n";
  return sh.str();
}

}  // namespace metodika::cli
