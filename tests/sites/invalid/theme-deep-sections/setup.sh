# A review template of 40,000 nested sections (720 KB): the engine parses and renders them by
# recursion and ran for minutes; an error at the template instead.
mkdir -p templates/report
python3 -c 'n = 40000; print("{{#site}}" * n + "x" + "{{/site}}" * n)' >templates/report/review-lv.mustache
