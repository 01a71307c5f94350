// PRIVATE per-teacher development records (DATA-MODEL.md section 12). Only `rules` includes this
// header; renderers see nothing but the aggregates that `rules` computes, suppressed below
// `rules.small_cell` people. No name or id may reach any output.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace metodika::model {

// A record keeps only what the aggregates need: neither the teacher's name nor a course's title is
// kept once the file is read (they are checked, as every field is, then dropped).
struct Course {
  CourseCategory category = CourseCategory::kOther;
  double hours = 0;
  Date date;
};

struct Teacher {
  std::string id;  // pseudonymous; never published
  std::string school;
  size_t school_index = 0;
  std::vector<Course> courses;
  Pos pos;
};

struct PrivateData {
  std::vector<Teacher> teachers;
};

}  // namespace metodika::model
