#include "render/common/review.h"

namespace metodika::render {

std::string review_stem(const model::Model& model, const model::Municipality& m) {
  return m.id + "-" + std::to_string(model.site.review_from) + "-" +
         std::to_string(model.site.review_to);
}

}  // namespace metodika::render
