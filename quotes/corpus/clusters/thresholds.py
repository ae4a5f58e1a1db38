"""The thresholds of clustering, each with the measurement behind it."""

# --- thresholds ----------------------------------------------------------------------------------

# fuzz.ratio (0-100) on normalised text. One word changed in a 10-word sentence scores 88-92, one
# dropped 93-96; two different sentences of one speaker on one topic score 40-70. 88 lets one
# changed or dropped word through from about eight words up, and two changes only in long quotes.
NEAR_IDENTICAL_RATIO = 88
# Below four words a single changed word is most of the meaning ("we will win" / "we will lose").
MIN_WORDS_NEAR_IDENTICAL = 4
# Two speakers saying the same short phrase ("no comment", a slogan) are two utterances.
MIN_WORDS_ACROSS_SPEAKERS = 6
# A contained fragment must carry two content words: "the enemy" is inside too many sentences.
MIN_CONTAINED_STEMS = 2
# From four content words on, a verbatim fragment is as good as identical; shorter ones link weakly.
STRONG_CONTAINED_STEMS = 4
# Paraphrase (one speaker only): at least three shared content stems, so two topic words (Russia,
# Ukraine) never merge alone, and a weighted overlap: the weight of the shared stems over the
# weight of the smaller stem set. A stem weighs less the more of its speaker's other forms use it
# (smoothed idf, ln((1 + n) / (1 + df)) + 1, over all forms but the two compared), so a minister's
# everyday topic words count for less than the words of one statement; with few quotes per speaker
# all weights are near 1 and this is the plain overlap coefficient. Synonyms count as one stem. On
# the seed articles' gold clusters the same utterance reworded scores 0.5-1.0 ("the greater the
# pressure on Russia, the closer peace is" / "the more pressure exerted on Russia, the nearer peace
# becomes": 3 of 5 stems, 0.57; "firing rockets at civilian and residential targets in the region"
# / "launching attacks on civilian targets in the Kursk area": 0.68 with fire/launch, area/region);
# one speaker's different statements on one topic that pass the next test score at most 0.40. On
# the synthetic benchmark random same-topic sentences cluster at 0.45-0.5. Weighing stems by their
# rarity in the whole corpus instead, or as well, was measured on the seeds: it moves no pair of
# either kind across a threshold, so the weights stay per speaker.
PARAPHRASE_MIN_SHARED = 3
PARAPHRASE_MIN_OVERLAP = 0.5
# ... and the shared weight must be 28% of the larger set's: a four-word claim sharing three topic
# words ("Ukrainian", "advance", "Kursk") with a 28-stem account of a battle is no paraphrase of
# it. On the seeds same-utterance pairs across articles reach 0.20-0.87 (most above 0.33);
# look-alikes with an overlap of 0.5 or more, 0.08-0.23.
PARAPHRASE_MIN_SHARE_OF_LARGER = 0.28
# That test is waived at an overlap of 0.75 or more for a partial quote (nearly all its words
# recur: they are the speaker's own words) and for two items of one article: a headline or lede
# restates the body's statement in fewer words ("Kyiv has no intentions of occupying Russian
# territory" / "the cross-border operation was not intended to seize Russian land but to safeguard
# Ukrainian citizens from long-range missile strikes", 0.76 but 0.23 of the larger). On the seeds
# the 8 pairs of one speaker in one article at 0.75 or more are all one utterance; different
# statements of one speaker in one article reach 0.48.
FRAGMENT_MIN_OVERLAP = 0.75
# A short form (two or three content stems, too few for a paraphrase) that is alone after the links
# joins a statement of its speaker that holds its content words in order with at most two other
# words between two ("another provocation" in "another large-scale provocation"), if the statements
# that do are all in one cluster. On the seeds it joins one item to its cluster (4 pairs, no apart
# pair); on the benchmark it attaches 10 short sentences, 6 wrongly (two of a speaker's topic words
# side by side by chance: 6 more false merges in 100,000 quotes).
FRAGMENT_MAX_GAP = 2
# A headline (an item on an article's first line) compresses a statement of the body into a few
# words ("Medvedev Advocates for Deeper Russian Offensive" / "called for Russian troops to
# intensify their offensive" + "push deeper into Ukraine"), and often names the capital or the
# government for the spokesperson the body quotes ("Kyiv Denies Intent to Occupy Russian
# Territory" / Tykhyi: "Kyiv has no intentions of occupying Russian territory"). Still alone
# after the links, it joins the one cluster of its article whose members together hold all its
# content words, half of them in the members from its own article (so a cluster that reaches
# other words through another article's report of two statements does not qualify): of its own
# speaker, or of anyone quoted in that article when the headline's speaker is an organisation or
# a group. On the seeds it joins the two headlines that report a
# statement (4 pairs) and no apart pair.
HEADLINE_LINE = 1
# Two more ways a form still alone after all the above joins a cluster of its speaker, both through
# a distinctive word: a content stem that no other cluster of the speaker holds and that at most
# one form in ten of the whole corpus uses (RARE_WORD_SHARE; "Ukrainian", "Kursk", "territory"
# are the seed stories' topic words, "provocation" and "gratitude" are not).
# - A short reported characterisation ("it was a provocation or a terrorist attack": two or three
#   content words, not a headline, not a direct quote, which is a sentence of its own) joins the
#   cluster whose members from two or more sources carry the word: the word the sources agree
#   the statement turns on ("another large-scale provocation", "another provocation").
# - A piece of a statement that one source splits within one paragraph ("Zelenskiy reiterated the
#   need for continued military action. He stated that precision in targeting the enemy is
#   crucial") joins the cluster of a member in its paragraph when it carries a word of that
#   cluster that none of the cluster's members from its own source has ("continue" of "it was
#   important to continue destroying the enemy as precisely as our soldiers know"), and shares
#   fewer than three words with the other sources' members (more, and it is a statement of its
#   own that the other source reports in the same sentence).
# Not when the form's distinctive words point to two clusters. On the seeds these join 3 items
# (10 pairs) and no item of another gold cluster.
KEYWORD_MIN_SOURCES = 2
RARE_WORD_SHARE = 0.1
RARE_WORD_MIN_FORMS = 4  # in a small corpus a word of four forms is still rare
HEADLINE_MAX_STEMS = 8


# --- blocking --------------------------------------------------------------------------------------

# Every link above needs two shared content stems, so candidates need two shared indexed stems.
CANDIDATE_MIN_SHARED = 2
# A stem in more than this many of one speaker's forms ("russia" for a Kremlin spokesman) says
# nothing about which statement a quote reports: it is not indexed for that speaker, and it does
# not count towards the two distinctive stems a paraphrase must share.
SPEAKER_STEM_LIMIT = 100
# A fragment contains all its stems, a copy with one word changed all but one: so each form is
# also paired with the forms that share one of its two rarest stems (within its speaker).
RARE_STEM_LOOKUPS = 2
# Across speakers only near-identical wording links, and near-identical texts share most of their
# rarest stems: each changed or dropped word displaces at most one of the four rarest on each side,
# so with up to two changes two of the four survive. Forms are indexed by every pair of the four.
SIGNATURE_SIZE = 4
# A bucket this large holds generic wording, not one reused sentence.
SIGNATURE_BUCKET_LIMIT = 200
# Near-identical texts cannot differ in length by more than this ratio (fuzz.ratio 88 needs 0.78).
MIN_LENGTH_RATIO = 0.75

# --- flags -----------------------------------------------------------------------------------------

WORDING_DIFFERS = "wording differs"
SPEAKER_DIFFERS = "speaker differs"
PARTIAL_ONLY = "partial"
PARAPHRASE_ONLY = "paraphrase only"
CONFLICT_FLAGS = frozenset({WORDING_DIFFERS, SPEAKER_DIFFERS})  # the flags that mark sources disagreeing

NOT_PERSONS = ("organisation", "group")  # speaker kinds whose names are written many ways (Defense Ministry, Moscow)
WHOLE_QUOTE_KINDS = ("direct", "embed")
