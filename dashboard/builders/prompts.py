"""The discussion prompt shown on each view in classroom mode and in the handout."""

from __future__ import annotations

PROMPTS: dict[str, str] = {
    "overview": "Which outlet sounds most certain, and which most cautious? What in the "
    "figures makes you say so, and what would you need to read to check it?",
    "article": "Pick one highlighted word. What does it add that the neutral alternative "
    "would not? Would a reader notice it?",
    "compare": "Which verb makes the speaker sound angrier, 'spoke harshly' or "
    "'emphasized'? Why might an outlet choose it?",
    "coverage": "Which facts does only one outlet report? Is leaving a fact out a choice, "
    "and how could you tell?",
    "method": "Which of these measures would you trust least on a short article, and why?",
    "own": "Bring two articles about the same event. Before you analyse them, guess which "
    "one will read as more negative.",
}
"""A discussion prompt for each view, shown in classroom mode."""
