"""thinc's layers and backends are found through its registry: collect them, but not its tests.

Replaces the hook from pyinstaller-hooks-contrib, which also lists thinc.tests.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("thinc", excludes=["**/tests/**"])
hiddenimports = collect_submodules("thinc", filter=lambda name: ".tests" not in name)
