"""Every message Slant shows a user, kept in one place.

Messages name what went wrong in plain words and say what to do next. They are
format strings; callers fill in ``{file}`` and the other fields. Keeping them
here (as spaCy keeps its errors) makes the wording consistent and testable.
"""

# Reading files
NOT_TEXT_SIGNATURE = "not a text file: it looks like {what}. Save the article as .txt, .md or .html and add it again."
NOT_TEXT_NUL = "not a text file: it contains NUL bytes, so it is probably binary. Save the article as plain text and add it again."
EMPTY = "the file is empty (or only whitespace), so it was left out. Check that the right file was chosen."
NO_BODY = "no article text was left after cleaning, so it was left out. Check that the file holds the article itself."
TOO_LARGE = "the file is {size} bytes, over the limit of {limit} bytes, so it was not read. Split it into smaller files or raise the limit with --max-bytes."
MIXED_ENCODING = "the file mixes encodings: {count} byte(s) were not valid UTF-8 and were read as cp1252. Check accented letters and quotes in this article."
NOT_FOUND = "not found. Check the path: it should be a story folder or a .txt, .md, .html, .csv or .jsonl file."
UNREADABLE = "could not be read ({reason}). Check that the file exists and that you may read it."
UNSUPPORTED = "unsupported file type {suffix!r}: Slant reads .txt, .md, .html, .csv and .jsonl. Save the article in one of those formats."
HTML_NO_TEXT = "could not extract article text from this HTML page. Save the article as plain text instead, or paste it."
HTML_ENTITIES = "could not extract article text: the page declares its own entities (<!ENTITY>), which Slant refuses for safety. Save the article as plain text instead."
HTML_TOO_DEEP = "the HTML is nested too deeply for the article extractor, so its tags were simply stripped; menus and links may remain. Check the text, or save the article as plain text."
HTML_FALLBACK = "the article extractor found no main text, so the page's tags were simply stripped; menus and links may remain. Check the text, or save the article as plain text."
PATH_OUTSIDE = "the name {name!r} points outside the story folder, so it was not used. Rename the file."
LONG_SENTENCE = "a sentence of {words} words was scored in parts of at most {limit} words, because one scoring call that long would take minutes."

# Tables of articles (CSV / JSONL)
ROW_NO_TEXT = "line {line}: no 'text' field, so the row was skipped. Every row needs the article in a column called 'text'."
ROW_EMPTY_TEXT = "line {line}: the 'text' field is empty, so the row was skipped."
ROW_BAD_JSON = "line {line}: not valid JSON ({reason}), so the row was skipped. Each line must be one JSON object."
ROW_BAD_CSV = "line {line}: not a valid CSV row ({reason}), so the row was skipped. Check the quoting on that line."
ROW_TEXT_NOT_STRING = "line {line}: the 'text' field is not a string of text, so the row was skipped."
ROW_NOT_OBJECT = "line {line}: not a JSON object, so the row was skipped. Each line must look like {{\"text\": \"...\"}}."
ROW_TOO_LARGE = "line {line}: the field is over {limit} characters, so the row was skipped."
CSV_NO_TEXT_COLUMN = "no 'text' column: the header has {columns}. Name the column that holds the articles 'text'."

# Manifest
MANIFEST_INVALID = "the manifest could not be read ({reason}); the story was loaded without it, so outlets are named after their files. Fix the TOML and reload."
MANIFEST_MISSING_FILE = "the manifest names {name!r}, which is not in the folder; that entry was skipped."
MANIFEST_BAD_ENTRY = "manifest entry {index} is malformed ({reason}) and was skipped."
MANIFEST_NOT_LIST = "the manifest's {key!r} should be a list ({example}); it was ignored."
MANIFEST_BAD_KIND = "manifest entry for {name!r} has kind {kind!r}, which is not one of {kinds}; it is shown as 'unknown'."

# The story as a whole
NOTHING_ANALYSED = "no article could be analysed. See the errors above for each file."
NO_INPUT = "no .txt, .md, .html, .csv or .jsonl files found in {path}."

# --- wp-harden ---
# Loading: nothing the user gave is lost; each problem names the line.
ROW_MIXED_ENCODING = "line {line}: {count} byte(s) were not valid UTF-8 and were read as cp1252; the rest of the table was read as UTF-8. Check accented letters and quotes in this row."
ROW_NUL = "line {line}: contains a NUL byte (binary data), so the row was skipped; the other rows were read. Remove the stray byte or re-export the table as plain CSV / JSONL."
ROW_UNCLOSED_QUOTE = "line {line}: a quoted field opens here and is never closed, so this row was skipped and the lines after it were read as rows of their own. Close the quote (or double it as \"\") on that line."
ROW_LONE_SURROGATES = "line {line}: {count} invalid character(s) (lone UTF-16 surrogates, as written by some JSON exporters) were replaced with \ufffd. Check this article's text around them."
# Bounded dashboard analysis (dashboard/worker.py).
ANALYSIS_TIMEOUT = "the analysis of this story did not finish within {seconds:.0f} s, so it was stopped to keep Slant responsive for everyone. Remove very large or unusual files (for example a file that is one huge line), or split the story, and try again."
ANALYSIS_OUT_OF_MEMORY = "the analysis of this story needed more than {megabytes} MB of memory, so it was stopped. Remove very large files or split the story, and try again."
ANALYSIS_CRASHED = "the analysis of this story stopped unexpectedly ({reason}). The story is saved; remove the file added last and try again."
TOO_MANY_ARTICLES = "the story has {count} articles; the dashboard analyses the first {limit} and left out {left}: {names}. Split the story into smaller ones to see the rest."
# The story store (dashboard/store.py).
STORE_DISK_FULL = "the story could not be saved because the disk is full; the previous version is unchanged. Free some disk space and try again."
STORE_READ_ONLY = "the story could not be saved because the story folder {folder} is read-only; the previous version is unchanged. Point SLANT_STORE at a folder you can write to."
STORE_STALE = "this story was changed in another window since you opened it, so your change was not saved (it would have undone theirs). Reload the story and make the change again."
STORE_UNREADABLE_READ_ONLY = "the saved story file {file!r} could not be read ({reason}) and could not be moved aside because the story folder is read-only; the other stories are shown."
# URL import (dashboard/url_import.py).
URL_DEADLINE = "{host} did not send the whole page within {seconds:.0f} s, so the import was stopped. Save the page from your browser and upload it instead."
STORE_WRITE_FAILED = "the story could not be saved ({reason}); the previous version is unchanged. Try again, or check the story folder."
# Readability (analysis/measures/readability.py, unreliable_reason).
READABILITY_NOT_LATIN = "most of the text is not in the Latin alphabet (for example Chinese, Japanese, Arabic or Cyrillic); the grade formulas count English words and syllables, so they would be meaningless"
