"""What every page needs to draw a story: the story, its naming, colours and order.

A :class:`View` is built once per script run by the sidebar and read by the
pages and the handout. In classroom mode the outlets are shown in letter order
(Outlet A first), and the letters follow a seed rather than file order, so a
class that has seen the story once cannot tell which letter is which file.
Colours follow the display order, so a colour gives nothing away either.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.results.article import Article, Story
from dashboard.builders.colors import outlet_colors
from dashboard.lesson.letters import letter, letter_order


@dataclass
class View:
    """What every page needs to draw the current story.

    Args:
        key: The story's content key and naming (cache key for derived data).
        story: The analysed story.
        classroom: Classroom mode is on.
        revealed: The teacher pressed "reveal outlets".
        colors: Article id to colour.
        names: Article id to the name shown (Outlet A... when hidden).
        order: Article ids in display order (letter order in classroom mode).
        problems: Messages about the story's inputs to show on the pages.
        seed: The letter shuffle seed (0 keeps file order); the worksheet and
            the teacher key use it too, so their letters match the screen.
    """

    key: str
    story: Story
    classroom: bool = False
    revealed: bool = False
    colors: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    order: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    seed: int = 0

    @property
    def anonymous(self) -> bool:
        """Outlet names are hidden (classroom mode before the reveal)."""
        return self.classroom and not self.revealed

    @property
    def articles(self) -> tuple[Article, ...]:
        """The story's articles, in display order."""
        if not self.order:
            return self.story.articles
        by_id = {a.id: a for a in self.story.articles}
        return tuple(by_id[i] for i in self.order if i in by_id)

    def name(self, article_id: str) -> str:
        """The outlet name to show for an article."""
        return self.names.get(article_id, article_id)

    def color(self, article_id: str) -> str:
        """The outlet's colour."""
        return self.colors.get(article_id, "#555555")

    def kind(self, article: Article) -> str:
        """The outlet kind, hidden in anonymous mode (it gives the outlet away)."""
        return "" if self.anonymous else article.kind

    def scrub(self, text: str) -> str:
        """Replace real outlet names in library-written text when names are hidden.

        Comparison notes and group reasons name the outlets; in classroom mode
        before the reveal they must say "Outlet A" instead. (Once the library
        gives structured reasons, this goes away.)
        """
        if not self.anonymous:
            return text
        pairs = []
        for a in self.story.articles:
            for real in (a.outlet, a.id):
                if real:
                    pairs.append((real, self.name(a.id)))
        for real, shown in sorted(pairs, key=lambda p: len(p[0]), reverse=True):
            text = text.replace(real, shown)
        return text

    def domain(self) -> list[str]:
        """Outlet names in display order, for chart colour scales."""
        return [self.name(a.id) for a in self.articles]

    def range(self) -> list[str]:
        """Outlet colours in display order, matching :meth:`domain`."""
        return [self.color(a.id) for a in self.articles]


def display_names(articles: tuple[Article, ...], anonymous: bool) -> dict[str, str]:
    """The shown outlet names: real ones (made unique) or Outlet A, B, C...

    Args:
        articles: The story's articles in display order.
        anonymous: Replace names by letters.

    Returns:
        Article id to name.
    """
    names: dict[str, str] = {}
    seen: dict[str, int] = {}
    for i, article in enumerate(articles):
        if anonymous:
            names[article.id] = f"Outlet {letter(i)}"
            continue
        base = article.outlet or article.id
        seen[base] = seen.get(base, 0) + 1
        names[article.id] = base if seen[base] == 1 else f"{base} ({seen[base]})"
    return names


def build_view(
    key: str, story: Story, classroom: bool = False, revealed: bool = False, seed: int = 0
) -> View:
    """The view of a story for a naming mode.

    Args:
        key: The story's content key.
        story: The analysed story.
        classroom: Classroom mode.
        revealed: Names revealed (classroom mode only).
        seed: Letter shuffle seed (classroom mode only; 0 keeps file order).

    Returns:
        The view, its key naming the story, the mode and the letters.
    """
    ids = [a.id for a in story.articles]
    order = letter_order(ids, seed) if classroom else ids
    by_id = {a.id: a for a in story.articles}
    shown = tuple(by_id[i] for i in order)
    anonymous = classroom and not revealed
    naming = f"anon{seed}" if anonymous else (f"named{seed}" if classroom else "named")
    return View(
        key=f"{key}:{naming}",
        story=story,
        classroom=classroom,
        revealed=revealed,
        colors=outlet_colors(order),
        names=display_names(shown, anonymous),
        order=tuple(order),
        seed=seed if classroom else 0,
    )
