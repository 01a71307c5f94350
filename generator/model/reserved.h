// Addresses the site's own pages take, which content pages must not take (issue 19): a page
// with the slug "dati" would be overwritten by the open-data section and disappear, and one
// named "en" would collide with the English site. The site renderer writes these folders;
// tests/render/site/reserved_test.cc checks that every folder it writes is listed here.
#pragma once

#include <array>
#include <string_view>

namespace metodika::model {

/// Top-level sections of every language's site (render/site and the review and annex outputs).
inline constexpr std::array<std::string_view, 12> kSiteSections = {
    "dati",     "iestades", "jaunumi",    "materiali", "meklet",   "metodiki",
    "olimpiades", "par-datiem", "parskati", "pasakumi", "pasvaldibas", "static"};

/// Pages of the municipalities' section besides the municipalities' own (pasvaldibas/<id>/):
/// a municipality cannot take their address.
inline constexpr std::array<std::string_view, 1> kMunicipalityFolders = {"salidzinajums"};

/// Folders inside the news section besides the posts: the tag pages. Page numbers of the news
/// list (jaunumi/2/) are the other reserved names there: every slug of digits only.
inline constexpr std::string_view kNewsTagsFolder = "birkas";

}  // namespace metodika::model
