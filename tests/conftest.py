from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from quotes.extraction.pipeline import Pipeline, extract_documents, make_pipeline
from quotes.models import Document, Quote
from quotes.rules import Rules, load_rules

STORY = 'Port director Ines Falk spoke on Monday.\n\n"The cranes will run again by June," Falk said.\n'


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


MODEL_FIXTURES = frozenset({"pipeline", "quotes_of", "score_corpus", "run_quotes"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that loads the spaCy model, directly or through a fixture, is marked `model`
    (`pytest -m "not model"` runs the rest in seconds)."""
    for item in items:
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)


@pytest.fixture(scope="session")
def rules() -> Rules:
    return load_rules()


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return make_pipeline()


@pytest.fixture(scope="session")
def quotes_of(pipeline: Pipeline):
    """Extract from a string: quotes_of(text) -> list[Quote]."""

    def run(text: str, source: str = "story.txt") -> list[Quote]:
        return [q for _, found in extract_documents([Document(source, text)], pipeline) for q in found]

    return run


EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


@pytest.fixture(scope="session")
def score_corpus(pipeline: Pipeline, tmp_path_factory) -> Callable[[Path, Path], dict]:
    """score_corpus(folder, gold) -> the shared scorer's result for `quotes` run on the folder, clustered."""
    scorer_path = EVAL_DIR / "score.py"
    if not scorer_path.exists():
        pytest.skip(f"no scorer at {scorer_path} (../shared/eval is not beside this clone)")
    spec = importlib.util.spec_from_file_location("score", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    from quotes.corpus.clusters import with_clusters
    from quotes.extraction.pipeline import extract

    def run(folder: Path, gold: Path) -> dict:
        if not gold.exists():
            pytest.skip(f"no gold file at {gold}")
        quotes = extract(folder, pipeline=pipeline)
        quotes, _ = with_clusters(quotes)
        predictions = tmp_path_factory.mktemp("pred") / "pred.jsonl"
        with predictions.open("w", encoding="utf-8") as out:
            for quote in quotes:
                out.write(json.dumps(quote.to_record(), ensure_ascii=False) + "\n")
        return scorer.score(*scorer.load(gold, predictions))

    return run


REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def run_quotes(tmp_path: Path):
    """run_quotes(*args, cwd=..., env=..., stdin=...) -> the finished `quotes` process (a real one)."""
    import os
    import subprocess
    import sys

    def run(*args: str | bytes, cwd: Path | None = None, env: dict[str, str | None] | None = None, **popen: object):
        environ = {**os.environ, "QUOTES_CACHE_DIR": str(tmp_path / "user-cache")}
        for name, value in (env or {}).items():  # None: unset
            if value is None:
                environ.pop(name, None)
            else:
                environ[name] = value
        environ["PYTHONPATH"] = os.pathsep.join(filter(None, (str(REPO), environ.get("PYTHONPATH"))))
        if "input" not in popen:
            popen.setdefault("stdin", subprocess.DEVNULL)
        popen.setdefault("timeout", 120)
        command = [sys.executable, "-c", "from quotes.cli import main; main()", *args]
        popen.setdefault("stdout", subprocess.PIPE)
        popen.setdefault("stderr", subprocess.PIPE)
        return subprocess.run(command, cwd=cwd or tmp_path, env=environ, **popen)

    return run
