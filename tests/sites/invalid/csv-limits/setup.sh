# A teacher table crossing two of the limits (generator/load/limits.h) in rows added at its end:
# a course title of 20,000 characters (an error at the cell; reading goes on), then a row of
# 1,500,000 delimiters (an error at the 1,001st cell; reading stops, no million cells are made).
f=data/private/teachers/kuldigas-novads.csv
{
  printf 'kt-900002;Anna Testa;kuldigas-ventas-vidusskola;%s;digital;12;01.10.2025.\n' "$(head -c 20000 /dev/zero | tr '\0' 'x')"
  printf 'kt-900003;Ilze Testa;kuldigas-ventas-vidusskola;Tituls;digital;12;01.10.2025.'
  head -c 1500000 /dev/zero | tr '\0' ';'
  printf '\n'
} >>"$f"
