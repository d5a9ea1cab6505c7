"""spaCy imports its languages, pipes and architectures by name: collect them, but not its tests.

Replaces the hook from pyinstaller-hooks-contrib, which also lists spacy.tests (about 200
modules we exclude, each then reported as a missing hidden import).
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("spacy", excludes=["**/tests/**"])
hiddenimports = collect_submodules("spacy", filter=lambda name: ".tests" not in name)
