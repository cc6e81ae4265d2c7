"""Every message Slant shows a user, kept in one place, each with a stable code.

Messages name what went wrong in plain words and say what to do next. They are
format strings; callers fill in ``{file}`` and the other fields. Keeping them
here (as spaCy keeps its errors) makes the wording consistent and testable,
and the code (``E012``, ``W201``) stays the same when the wording improves, so
a user can search for it and a test can assert on it. The CLI prints a message
as ``slant: FILE: [E012] text``.

Codes: ``E0xx`` reading a file, ``E1xx`` a row of a table, ``W2xx`` the
manifest, ``E3xx`` the story and the command line, ``E4xx`` the engines,
``E5xx`` evaluation, ``W6xx`` notes on an analysis. ``E`` means something was
left out or could not run; ``W`` that the work went on with a caveat. A code
is never reused for a different message (``tests/test_messages`` checks that
codes are unique and that no user-facing literal lives elsewhere).
"""

from __future__ import annotations

from typing import Any


class Message(str):
    """A message text that carries its stable code.

    It is a ``str`` (the text without the code), so it compares, formats and
    serialises like the plain strings it replaces; :meth:`format` keeps the code.

    Args:
        code: The stable code, e.g. ``"E012"``.
        text: The format string.
    """

    code: str

    def __new__(cls, code: str, text: str = "") -> Message:
        """A message with ``code``; ``Message(text)`` alone (as unpickling calls it) has none yet."""
        if not text:
            code, text = "", code
        obj = super().__new__(cls, text)
        obj.code = code
        return obj

    def format(self, *args: Any, **kwargs: Any) -> Message:  # noqa: A003 - str's own name
        """Fill in the fields, keeping the code."""
        return Message(self.code, super().format(*args, **kwargs))

    def coded(self) -> str:
        """The message as the CLI prints it: ``[E012] text``."""
        return f"[{self.code}] {self}" if self.code else str(self)


def coded(message: str) -> str:
    """``[CODE] text`` for a :class:`Message`; other strings unchanged."""
    return message.coded() if isinstance(message, Message) else message


# Reading files
NOT_TEXT_SIGNATURE = Message("E001", "not a text file: it looks like {what}. Save the article as .txt, .md or .html and add it again.")
NOT_TEXT_NUL = Message("E002", "not a text file: it contains NUL bytes, so it is probably binary. Save the article as plain text and add it again.")
EMPTY = Message("E003", "the file is empty (or only whitespace), so it was left out. Check that the right file was chosen.")
NO_BODY = Message("E004", "no article text was left after cleaning, so it was left out. Check that the file holds the article itself.")
TOO_LARGE = Message("E005", "the file is {size} bytes, over the limit of {limit} bytes, so it was not read. Split it into smaller files or raise the limit with --max-bytes.")
MIXED_ENCODING = Message("W006", "the file mixes encodings: {count} byte(s) were not valid UTF-8 and were read as cp1252. Check accented letters and quotes in this article.")
NOT_FOUND = Message("E007", "not found. Check the path: it should be a story folder or a .txt, .md, .html, .csv or .jsonl file.")
UNREADABLE = Message("E008", "could not be read ({reason}). Check that the file exists and that you may read it.")
UNSUPPORTED = Message("E009", "unsupported file type {suffix!r}: Slant reads .txt, .md, .html, .csv and .jsonl. Save the article in one of those formats.")
HTML_NO_TEXT = Message("E010", "could not extract article text from this HTML page. Save the article as plain text instead, or paste it.")
HTML_ENTITIES = Message("E011", "could not extract article text: the page declares its own entities (<!ENTITY>), which Slant refuses for safety. Save the article as plain text instead.")
HTML_TOO_DEEP = Message("W012", "the HTML is nested too deeply for the article extractor, so its tags were simply stripped; menus and links may remain. Check the text, or save the article as plain text.")
HTML_FALLBACK = Message("W013", "the article extractor found no main text, so the page's tags were simply stripped; menus and links may remain. Check the text, or save the article as plain text.")
PATH_OUTSIDE = Message("E014", "the name {name!r} points outside the story folder, so it was not used. Rename the file.")

# Tables of articles (CSV / JSONL)
ROW_NO_TEXT = Message("E101", "line {line}: no 'text' field, so the row was skipped. Every row needs the article in a column called 'text'.")
ROW_EMPTY_TEXT = Message("E102", "line {line}: the 'text' field is empty, so the row was skipped.")
ROW_BAD_JSON = Message("E103", "line {line}: not valid JSON ({reason}), so the row was skipped. Each line must be one JSON object.")
ROW_BAD_CSV = Message("E104", "line {line}: not a valid CSV row ({reason}), so the row was skipped. Check the quoting on that line.")
ROW_TEXT_NOT_STRING = Message("E105", "line {line}: the 'text' field is not a string of text, so the row was skipped.")
ROW_NOT_OBJECT = Message("E106", "line {line}: not a JSON object, so the row was skipped. Each line must look like {{\"text\": \"...\"}}.")
ROW_TOO_LARGE = Message("E107", "line {line}: the field is over {limit} characters, so the row was skipped.")
CSV_NO_TEXT_COLUMN = Message("E108", "no 'text' column: the header has {columns}. Name the column that holds the articles 'text'.")

# Manifest
MANIFEST_INVALID = Message("W201", "the manifest could not be read ({reason}); the story was loaded without it, so outlets are named after their files. Fix the TOML and reload.")
MANIFEST_MISSING_FILE = Message("W202", "the manifest names {name!r}, which is not in the folder; that entry was skipped.")
MANIFEST_BAD_ENTRY = Message("W203", "manifest entry {index} is malformed ({reason}) and was skipped.")
MANIFEST_NOT_LIST = Message("W204", "the manifest's {key!r} should be a list ({example}); it was ignored.")
MANIFEST_BAD_KIND = Message("W205", "manifest entry for {name!r} has kind {kind!r}, which is not one of {kinds}; it is shown as 'unknown'.")

# The story as a whole
NOTHING_ANALYSED = Message("E301", "no article could be analysed. See the errors above for each file.")
NO_INPUT = Message("E302", "no .txt, .md, .html, .csv or .jsonl files found in {path}.")
ANALYSIS_FAILED = Message("E303", "could not be analysed ({reason}), so it was left out. This is a bug in Slant: please report it with the article.")
INTERRUPTED = Message("E304", "interrupted; nothing more was analysed. Any streamed output is complete up to the last article written.")
OUTPUT_NO_FOLDER = Message("E305", "cannot write the output: the folder {folder} does not exist. Create it, or choose another path with -o.")
OUTPUT_IS_FOLDER = Message("E306", "cannot write the output: {path} is a folder. Give a file name, e.g. -o {example}.")
OUTPUT_DENIED = Message("E307", "cannot write the output to {path}: permission denied. Choose a path you may write to.")
OUTPUT_FAILED = Message("E308", "could not write the output to {path} ({reason}).")
OUT_OF_MEMORY = Message("E310", "the analysis ran out of memory and was stopped. Analyse fewer or smaller files at a time, or use --workers 1.")
BAD_WORKERS = Message("E309", "--workers must be 1 or more, not {workers}.")

# Engines
WORKER_DIED = Message("E401", "a worker process stopped unexpectedly (often: out of memory). Try fewer --workers.")
NO_PYARROW = Message("E402", "writing Parquet needs pyarrow: pip install 'slant[dask]'.")
NO_DASK = Message("E403", "the Dask engine needs the optional extra: pip install 'slant[dask]' (dask[distributed] and pyarrow).")
DASK_CONNECT = Message("E404", "could not connect to the Dask scheduler at {address} ({reason}).")

# Evaluation
EVALUATION_MISSING = Message("E501", "the evaluation {kind!r} is not installed in this copy of Slant (module analysis.evaluate.{kind} not found).")
EVALUATION_FAILED = Message("E502", "could not evaluate this file: {reason}")
EVALUATION_NO_CV = Message("E516", "the evaluation {kind!r} has no cross-validation: nothing in it is tuned on its data (see the README, Evaluation).")
EVAL_HEDGING_COLUMNS = Message("E503", "{path}: expected a CSV file with 'text' and 'label' columns.")
EVAL_HEDGING_ROWS = Message("E504", "rows must be one of {choices}, not {rows!r}.")
EVAL_LOADED_COLUMNS = Message("E505", "{path}: expected a semicolon-separated CSV with 'text' and 'biased_words' columns.")
EVAL_ALIGNMENT_NO_GOLD = Message("E507", "{path}: no {name} found in it or in its subfolders.")
EVAL_ALIGNMENT_NOT_FOUND = Message("E508", "{path}: no such file or folder.")
EVAL_ALIGNMENT_BAD_TOML = Message("E509", "{path}: not valid TOML ({reason}).")
EVAL_ALIGNMENT_NO_STORY = Message("E510", "{path}: 'story' must name the folder to analyse, relative to this file.")
EVAL_ALIGNMENT_NO_ARTICLE = Message("E511", "no article id is or starts with {ref!r} (ids: {ids})")
EVAL_ALIGNMENT_MANY_ARTICLES = Message("E512", "{ref!r} names several articles ({ids})")
EVAL_ALIGNMENT_TEXT_NOT_FOUND = Message("E513", "the text is in no sentence of {article}")
EVAL_ALIGNMENT_TEXT_AMBIGUOUS = Message("E514", "the text is in sentences {indices} of {article}; make it longer")
EVAL_ACTORS_NO_ROWS = Message("E515", "{path}: no target rows found; expected JSON lines with mention, from, to, sentence, polarity.")
EVAL_SENTIMENT_NO_ROWS = Message("E506", "{path}: no rated sentences found; expected lines of ID<TAB>mean<TAB>text.")

# Notes on an analysis (shown with the results)
COMPARISON_CAPPED = Message("W601", "The comparison covers the first {limit} articles; {left} more (from {first} to {last}) were analysed but left out of it, because comparing that many would take too long.")
COMPARISON_ONE_ARTICLE = Message("W602", "Comparison needs at least two articles; only quotes and leads are shown.")
COMPARE_NO_REUSE = Message("W610", "Pairwise reuse is left out above {n} articles (it lists pairs of articles); compare fewer articles to see it.")
COMPARISON_NO_SENTENCES = Message("W603", "Article {id} has no sentences to align.")
SENTENCE_NOT_SCORED = Message("W604", "this sentence could not be scored and counts as neutral ({reason})")
READABILITY_EMPTY = Message("W605", "no text to measure")
READABILITY_TOO_SHORT = Message("W606", "too short to measure: {words} word(s), and the readability formulas need about {min} words of running prose")
READABILITY_NO_PUNCTUATION = Message("W607", "the text has no sentence punctuation (. ! ?), so sentence length and every grade formula would be meaningless")
READABILITY_FAILED = Message("W609", "the readability formulas could not be computed on this text ({error})")
READABILITY_LONG_SENTENCES = Message("W608", "the average sentence is {mean:.0f} words long (over {max}); the punctuation is probably missing, so the grade formulas would be meaningless")

# The dashboard
STORE_CORRUPT = Message("E801", "The saved story file {file!r} could not be read ({reason}). It was moved aside to {moved!r} so nothing is lost; the other stories are unaffected.")
STORE_NOT_FOUND = Message("E802", "There is no saved story {story_id!r}; it may have been deleted in another tab.")
STORE_BAD_ID = Message("E803", "{story_id!r} is not a valid story id.")
STORE_LOCKED = Message("E804", "Another Slant window is saving right now and did not finish within {seconds:.0f} s. Try again in a moment.")
STORE_NO_FILES = Message("E805", "A story needs at least one article file or pasted text.")
APP_PAGE_FAILED = Message("E806", "Something went wrong while drawing this part of the page. The details were written to the console where Slant is running; the other views still work. Try another story or reload the page.")
APP_NO_STORY = Message("W807", "No story is loaded. Pick one in the sidebar, or add your own on 'Your articles'.")
APP_NO_ARTICLES = Message("E808", "This story has no article that could be analysed. The messages below say why for each file; fix or replace those files on 'Your articles'.")
URL_OFFLINE = Message("E811", "Could not reach {host}: this computer seems to be offline (or the name does not exist). URL import needs the internet; everything else in Slant works offline. Save the page from your browser (File → Save as… .html) and upload it instead.")
URL_BAD = Message("E812", "{url!r} is not a web address. Give a full address starting with http:// or https://.")
URL_HTTP_ERROR = Message("E813", "{host} answered with an error ({code}). Check the address, or save the page and upload it.")
URL_TOO_BIG = Message("E814", "The page at {host} is over {limit} bytes, so it was not imported.")
URL_FAILED = Message("E815", "Could not fetch {host} ({reason}). Save the page from your browser and upload it instead.")
URL_PRIVATE = Message("E816", "{host} is an address on this computer or a private network, which Slant does not fetch: when the app is shared with a class, that would let anyone reach machines behind the network. Save the page from your browser and upload it instead.")
APP_NO_COMPARISON = Message("W809", "The cross-outlet comparison is not available for this story (it needs at least two articles, and is skipped for very large batches).")
APP_ANONYMOUS_EXPORTS = Message("W810", "CSV and JSON name the outlets, so they are offered after the reveal. The handout uses the names shown on screen.")
APP_FAILED_TO_START = Message("E817", "Slant could not start: part of the analysis library failed to load. The details are in the console where Slant is running; reinstalling (scripts/setup.sh) usually fixes it.")
APP_INPUTS_NOT_READ = Message("W818", "{count} input(s) could not be read; the rest was loaded.")

# Data files shipped with Slant (a developer's error, shown so it can be fixed)
LEXICON_UNKNOWN = Message("E701", "No lexicon named {name!r}; available: {available}.")
LEXICON_NO_COLUMNS = Message("E702", "Lexicon {name!r} has no column header row (a row starting with 'term').")
LEXICON_BAD_ROW = Message("E703", "Lexicon {name!r}, line {line}: expected {expected} tab-separated fields, got {got}.")
HEDGING_UNKNOWN_CATEGORY = Message("E704", "Lexicon 'hedging' gives an unknown category {category!r} for {term!r}.")
HEDGING_UNKNOWN_RULE = Message("E705", "Lexicon 'hedging' names an unknown context rule {rule!r} for {term!r}.")
LOADED_UNKNOWN_RULE = Message("E707", "Lexicon 'loaded' names an unknown context rule {rule!r} for {term!r}.")
LOADED_UNKNOWN_GRADE = Message("E708", "Lexicon 'loaded' gives an unknown grade {grade!r} for {term!r}.")
HEDGING_UNKNOWN_KIND = Message("E706", "Lexicon 'hedging' gives an unknown kind {kind!r} for {term!r}.")
# Loading, the bounded dashboard analysis, the store and URL import (issue 16)
# Loading: nothing the user gave is lost; each problem names the line.
ROW_MIXED_ENCODING = Message("E109", "line {line}: {count} byte(s) were not valid UTF-8 and were read as cp1252; the rest of the table was read as UTF-8. Check accented letters and quotes in this row.")
ROW_NUL = Message("E110", "line {line}: contains a NUL byte (binary data), so the row was skipped; the other rows were read. Remove the stray byte or re-export the table as plain CSV / JSONL.")
ROW_UNCLOSED_QUOTE = Message("E111", "line {line}: a quoted field opens here and is never closed, so this row was skipped and the lines after it were read as rows of their own. Close the quote (or double it as \"\") on that line.")
ROW_BAD_ACTORS = Message("W113", "line {line}: the 'actors' field should be a list of names or names separated by ';', so the story's actors were measured instead.")
ROW_LONE_SURROGATES = Message("W112", "line {line}: {count} invalid character(s) (lone UTF-16 surrogates, as written by some JSON exporters) were replaced with \ufffd. Check this article's text around them.")
# Bounded dashboard analysis (dashboard/worker.py).
ANALYSIS_TIMEOUT = Message("E820", "the analysis of this story did not finish within {seconds:.0f} s, so it was stopped to keep Slant responsive for everyone. Remove very large or unusual files (for example a file that is one huge line), or split the story, and try again.")
ANALYSIS_OUT_OF_MEMORY = Message("E821", "the analysis of this story needed more than {megabytes} MB of memory, so it was stopped. Remove very large files or split the story, and try again.")
ANALYSIS_CRASHED = Message("E822", "the analysis of this story stopped unexpectedly ({reason}). The story is saved; remove the file added last and try again.")
TOO_MANY_ARTICLES = Message("W823", "the story has {count} articles; the dashboard analyses the first {limit} and left out {left}: {names}. Split the story into smaller ones to see the rest.")
# The story store (dashboard/store.py).
STORE_DISK_FULL = Message("E824", "the story could not be saved because the disk is full; the previous version is unchanged. Free some disk space and try again.")
STORE_READ_ONLY = Message("E825", "the story could not be saved because the story folder {folder} is read-only; the previous version is unchanged. Point SLANT_STORE at a folder you can write to.")
STORE_STALE = Message("E826", "this story was changed in another window since you opened it, so your change was not saved (it would have undone theirs). Reload the story and make the change again.")
STORE_UNREADABLE_READ_ONLY = Message("W827", "the saved story file {file!r} could not be read ({reason}) and could not be moved aside because the story folder is read-only; the other stories are shown.")
# URL import (dashboard/url_import.py).
URL_DEADLINE = Message("E828", "{host} did not send the whole page within {seconds:.0f} s, so the import was stopped. Save the page from your browser and upload it instead.")
STORE_WRITE_FAILED = Message("E829", "the story could not be saved ({reason}); the previous version is unchanged. Try again, or check the story folder.")
# Readability (analysis/measures/readability.py, unreliable_reason).
READABILITY_NOT_LATIN = Message("W611", "most of the text is not in the Latin alphabet (for example Chinese, Japanese, Arabic or Cyrillic); the grade formulas count English words and syllables, so they would be meaningless")
# The dashboard's frame and saved stories
UNSAFE_ADDRESS = Message("E830", "Slant stopped: this server listens on every network interface ({where}), so anyone on the network could open it. Start it with `bash scripts/dashboard.sh`, or add `--server.address localhost`; to share it with a class on purpose, pass `--server.address 0.0.0.0` yourself (see the README).")
ALREADY_SAVED = Message("W831", "These articles are already saved as '{title}', so no second copy was made; that story is now selected.")
# --- wp-align ---
# The alignment pair scorer's weights table (analysis/compare/scorer.py).
ALIGN_WEIGHTS_MISSING = Message("E940", "the alignment weights table {path} has no weight for {features}; rewrite it with `python -m analysis.evaluate.train_alignment tests/gold/alignment --write`.")
# --- wp-dash ---
# What one story may bring back from the dashboard's analysis worker (dashboard/worker.py).
TOO_MANY_SENTENCES = Message("E930", "this article has {sentences:,} sentences and the dashboard shows at most {limit:,} in one story, so it was left out (the longest articles go first); the rest of the story is shown. Split the file into smaller articles, or analyse it on the command line (slant analyze), which has no such bound.")
