// The closed vocabularies of DATA-MODEL.md. A YAML string becomes one of these once, in `model`
// (STYLE.md: no stringly-typed enums past this point).
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace metodika::model {

template <typename E, size_t N>
using EnumTable = std::array<std::pair<std::string_view, E>, N>;

enum class LearningArea {
  kLanguages, kSocialCivic, kCultureArts, kScience, kMathematics, kTechnology, kHealthPhysical
};
inline constexpr EnumTable<LearningArea, 7> kLearningAreas = {{
    {"languages", LearningArea::kLanguages},
    {"social_civic", LearningArea::kSocialCivic},
    {"culture_arts", LearningArea::kCultureArts},
    {"science", LearningArea::kScience},
    {"mathematics", LearningArea::kMathematics},
    {"technology", LearningArea::kTechnology},
    {"health_physical", LearningArea::kHealthPhysical},
}};

enum class MunicipalityKind { kStateCity, kCounty };
inline constexpr EnumTable<MunicipalityKind, 2> kMunicipalityKinds = {{
    {"state_city", MunicipalityKind::kStateCity},
    {"county", MunicipalityKind::kCounty},
}};

enum class Region { kKurzeme, kLatgale, kRiga, kVidzeme, kZemgale };
inline constexpr EnumTable<Region, 5> kRegions = {{
    {"kurzeme", Region::kKurzeme},
    {"latgale", Region::kLatgale},
    {"riga", Region::kRiga},
    {"vidzeme", Region::kVidzeme},
    {"zemgale", Region::kZemgale},
}};

enum class InstitutionKind {
  kPreschool, kPrimary, kBasic, kSecondary, kGymnasium, kStateGymnasium,
  kSpecial, kVocational, kArt, kSport, kInterest
};
inline constexpr EnumTable<InstitutionKind, 11> kInstitutionKinds = {{
    {"preschool", InstitutionKind::kPreschool},
    {"primary", InstitutionKind::kPrimary},
    {"basic", InstitutionKind::kBasic},
    {"secondary", InstitutionKind::kSecondary},
    {"gymnasium", InstitutionKind::kGymnasium},
    {"state_gymnasium", InstitutionKind::kStateGymnasium},
    {"special", InstitutionKind::kSpecial},
    {"vocational", InstitutionKind::kVocational},
    {"art", InstitutionKind::kArt},
    {"sport", InstitutionKind::kSport},
    {"interest", InstitutionKind::kInterest},
}};

enum class Level { kNational, kMunicipal, kSchool };
inline constexpr EnumTable<Level, 3> kLevels = {{
    {"national", Level::kNational},
    {"municipal", Level::kMunicipal},
    {"school", Level::kSchool},
}};

enum class OlympiadStage { kSchool, kRegional, kState, kOpen, kInternational };
inline constexpr EnumTable<OlympiadStage, 5> kOlympiadStages = {{
    {"school", OlympiadStage::kSchool},
    {"regional", OlympiadStage::kRegional},
    {"state", OlympiadStage::kState},
    {"open", OlympiadStage::kOpen},
    {"international", OlympiadStage::kInternational},
}};

enum class MaterialLevel { kBasic, kSecondary, kBoth };
inline constexpr EnumTable<MaterialLevel, 3> kMaterialLevels = {{
    {"basic", MaterialLevel::kBasic},
    {"secondary", MaterialLevel::kSecondary},
    {"both", MaterialLevel::kBoth},
}};

enum class MaterialStatus { kPlanned, kInProgress, kReview, kPublished };
inline constexpr EnumTable<MaterialStatus, 4> kMaterialStatuses = {{
    {"planned", MaterialStatus::kPlanned},
    {"in_progress", MaterialStatus::kInProgress},
    {"review", MaterialStatus::kReview},
    {"published", MaterialStatus::kPublished},
}};

enum class Audience {
  kTeachers, kSchoolLeaders, kBoardStaff, kMunicipalMethodologists, kNationalMethodologists
};
inline constexpr EnumTable<Audience, 5> kAudiences = {{
    {"teachers", Audience::kTeachers},
    {"school_leaders", Audience::kSchoolLeaders},
    {"board_staff", Audience::kBoardStaff},
    {"municipal_methodologists", Audience::kMunicipalMethodologists},
    {"national_methodologists", Audience::kNationalMethodologists},
}};

enum class EventFormat { kInPerson, kOnline, kHybrid };
inline constexpr EnumTable<EventFormat, 3> kEventFormats = {{
    {"in_person", EventFormat::kInPerson},
    {"online", EventFormat::kOnline},
    {"hybrid", EventFormat::kHybrid},
}};

enum class ActionStatus { kPlanned, kOngoing, kDone, kDelayed, kCancelled };
inline constexpr EnumTable<ActionStatus, 5> kActionStatuses = {{
    {"planned", ActionStatus::kPlanned},
    {"ongoing", ActionStatus::kOngoing},
    {"done", ActionStatus::kDone},
    {"delayed", ActionStatus::kDelayed},
    {"cancelled", ActionStatus::kCancelled},
}};

enum class CourseCategory {
  kManagement, kChildRights, kSpecialEducation, kUpbringing, kContentDidactics, kGeneral,
  kDigital, kOther
};
inline constexpr EnumTable<CourseCategory, 8> kCourseCategories = {{
    {"management", CourseCategory::kManagement},
    {"child_rights", CourseCategory::kChildRights},
    {"special_education", CourseCategory::kSpecialEducation},
    {"upbringing", CourseCategory::kUpbringing},
    {"content_didactics", CourseCategory::kContentDidactics},
    {"general", CourseCategory::kGeneral},
    {"digital", CourseCategory::kDigital},
    {"other", CourseCategory::kOther},
}};

/// The exam-index method of a rule (DATA-MODEL.md section 10.1).
enum class CeMethod { kMean, kMin };
inline constexpr EnumTable<CeMethod, 2> kCeMethods = {{
    {"mean", CeMethod::kMean},
    {"min", CeMethod::kMin},
}};

/// The four categories of a municipal methodologist's work (section 6).
enum class WorkCategory { kState, kTeachers, kSchools, kData };
inline constexpr EnumTable<WorkCategory, 4> kWorkCategories = {{
    {"state", WorkCategory::kState},
    {"teachers", WorkCategory::kTeachers},
    {"schools", WorkCategory::kSchools},
    {"data", WorkCategory::kData},
}};

/// The YAML name of an enum value.
template <typename E, size_t N>
constexpr std::string_view enum_name(const EnumTable<E, N>& table, E value) {
  for (const auto& [name, v] : table) {
    if (v == value) return name;
  }
  return {};
}

template <typename E, size_t N>
constexpr std::optional<E> enum_parse(const EnumTable<E, N>& table, std::string_view name) {
  for (const auto& [n, v] : table) {
    if (n == name) return v;
  }
  return std::nullopt;
}

}  // namespace metodika::model
