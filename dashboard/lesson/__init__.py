"""The lesson built from a story: blind letters, prompts, worksheet, teacher key, Method.

Pure builders: nothing here imports Streamlit, so the pages, the printouts and
the tests share them. Every module takes an analysed
:class:`~analysis.results.article.Story` and a way to name its outlets, and
returns plain strings, data or HTML.

- :mod:`dashboard.lesson.letters`: article ids to "Outlet A", "Outlet B"...
  for a shuffle seed.
- :mod:`dashboard.lesson.prompts`: discussion prompts from the story's findings.
- :mod:`dashboard.lesson.worksheet`: the students' printable worksheet (letters only).
- :mod:`dashboard.lesson.teacher_key`: the teacher's printable key (letters and names).
- :mod:`dashboard.lesson.method`: the Method page for teachers, as Markdown sections.

The teacher-facing wording lives in ``content/`` as TOML, so it can be edited
without touching code.
"""
