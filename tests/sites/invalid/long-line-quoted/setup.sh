# subjects.json on one line of 2 MB with an unknown field near its end: the quoted line is cut to
# 100 characters around the caret (it was echoed whole, once per error).
python3 - <<'PY'
import json
subjects = json.load(open("data/subjects.json"))
filler = [{"id": "s%05d" % i, "name": {"lv": "Priekšmets %d" % i, "en": "Subject %d" % i},
           "area": "mathematics"} for i in range(20000)]
bad = dict(subjects[0]); bad["id"] = "zz-last"; bad["colour"] = "red"
text = json.dumps(subjects + filler + [bad], ensure_ascii=False, separators=(", ", ": "))
open("data/subjects.json", "w").write(text + "\n")
PY
