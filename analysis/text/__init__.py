"""Text: cleaning, segmentation, quotes, tokens and lexicons, shared by every analyser."""
