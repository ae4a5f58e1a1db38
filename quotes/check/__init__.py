"""`quotes check`: every quote in a draft must match what the sources say, attributed to the same person.

    draft -> its quotes (the same pipeline as the sources) -> one verdict per quote -> linter lines

Quoted speech (direct, partial, embed) in the draft is compared word by word with the quoted speech
of the sources: case, accents, punctuation, quote marks and whitespace never count. A draft quote is
`ok` when its words occur in one source quote of the same speaker (a fragment is fine); `...`/`…`
may stand for omitted words (each piece must occur, in order, in one source quote), and [bracketed]
editorial insertions may stand for up to `BRACKET_MAX_REPLACED_WORDS` source words.

Otherwise the closest source wording decides: rapidfuzz aligns the draft's words with the best
window of each candidate source quote (word-level partial_ratio, then the window's edges tuned for
the best word-level ratio). A candidate at `MISQUOTE_MIN_SIMILARITY` or more, sharing at least
`MISQUOTE_MIN_SHARED_STEMS` content words, makes the quote a misquote; with none, it is unsourced.

Reported speech (indirect) in the draft is only checked for its speaker, at warning level: it is
paired with the source item that shares the most content words (the paraphrase thresholds of
`quotes.corpus.clusters`, made stricter for flagging).

Rooms: index (the sources' wordings), draft (a draft quote's wording, reading drafts), match (alignment,
thresholds, diffs, same speaker), verdict (codes and `Finding`), run (a whole check), messages (linter lines).
"""
