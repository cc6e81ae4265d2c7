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

# --- wp-dash ---
# The dashboard
UNSAFE_ADDRESS = "Slant stopped: this server listens on every network interface ({where}), so anyone on the network could open it. Start it with `bash scripts/dashboard.sh`, or add `--server.address localhost`; to share it with a class on purpose, pass `--server.address 0.0.0.0` yourself (see the README)."
ALREADY_SAVED = "These articles are already saved as '{title}', so no second copy was made; that story is now selected."
