#include "render/pdf/reports.h"

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "render/common/review.h"
#include "render/common/translate.h"
#include "render/common/urls.h"
#include "util/parallel.h"
#include "util/text.h"

namespace metodika::render::pdf {

bool has_review_template(const model::Model& model, const load::Theme& theme) {
  return theme.templates.contains(review_template_name(model.site.default_language()));
}

std::string review_pdf_path(const model::Model& model, size_t mi) {
  return "parskati/" + review_stem(model, model.municipalities[mi]) + ".pdf";
}

size_t render_reviews(const model::Model& model, const rules::Results& results,
                      const load::Theme& theme, const Resources& resources,
                      util::OutputSink& out, unsigned jobs, diag::Diagnostics& diags,
                      util::WorkCache* cache, const InputDigests* inputs) {
  const std::string lang = model.site.default_language();
  const std::string name = review_template_name(lang);
  const auto tmpl = theme.templates.find(name);
  if (tmpl == theme.templates.end()) return 0;
  const auto source = theme.template_sources.find(name);
  const Urls urls(model.site.base_url, model.site.languages);
  const Translate t = translator(theme, lang);
  ReviewOptions options;
  options.as_of = model.site.as_of;
  options.suppressed = util::fill(translate(theme, lang, "directory.pd_hidden"), "n",
                                  std::to_string(model.site.rules.small_cell));

  std::vector<std::optional<std::string>> errors(model.municipalities.size());
  util::parallel_for(model.municipalities.size(), jobs, [&](size_t mi) {
    const model::Municipality& municipality = model.municipalities[mi];
    const std::string path = review_pdf_path(model, mi);
    // The template is part of every digest: a reused review cannot hide a template error.
    if (cache && inputs && cache->reuse(path, inputs->municipality[mi], nullptr)) return;
    ReviewInputs in;
    in.municipality = mi;
    in.lang = lang;
    in.t = t;
    in.template_text = tmpl->second;
    in.template_source = source == theme.template_sources.end() ? name : source->second;
    in.conclusions = review_conclusions(model, municipality.id, lang);
    in.html_url = urls.absolute(lang, "pasvaldibas/" + municipality.id + "/parskats/");
    in.council = true;
    try {
      const Review review = build_review(model, results, in);
      out.write(path, render_review(review, resources, options));
      if (cache && inputs) cache->record(path, inputs->municipality[mi], {path}, {});
    } catch (const ReviewTemplateError& e) {
      errors[mi] = e.what();
    }
  });
  // One message per template problem, not one per municipality.
  for (const auto& error : errors) {
    if (error) {
      diags.error({}, *error);
      return 0;
    }
  }
  return model.municipalities.size();
}

}  // namespace metodika::render::pdf
