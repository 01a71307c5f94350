#include "rules/suppression.h"

namespace metodika::rules {

bool is_suppressed(int people, const model::Rules& rules) { return people < rules.small_cell; }

}  // namespace metodika::rules
