"""docs/examples/pilot-evaluation.ipynb runs end to end in a fresh kernel.

The kernel is Debian's /usr/bin/python3 (which has numpy, pandas,
matplotlib, tqdm and ipykernel) with PYTHONPATH at the verbind package under
test, through a temporary kernelspec: the `python3` first on PATH may be
another interpreter without them. Any cell that raises fails the test.
"""

import json
import os
import pathlib
import sys

import pytest

import verbind

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOK = pathlib.Path(__file__).resolve().parents[2] / "docs" / "examples" / "pilot-evaluation.ipynb"
KERNEL = "verbind-notebook-test"
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def test_committed_notebook_has_no_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "the notebook has no code"
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, "strip the outputs before committing"


def test_notebook_runs(tmp_path, monkeypatch):
    package_dir = pathlib.Path(verbind.__file__).resolve().parents[1]
    spec_dir = tmp_path / "kernels" / KERNEL
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [PYTHON, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "verbind (test)",
        "language": "python",
        "env": {"PYTHONPATH": str(package_dir), "MPLBACKEND": "Agg", "VERBIND_FIGURES": str(tmp_path)},
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))

    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name=KERNEL, timeout=120, resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError when a cell fails

    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    # The package under test was the one imported, and the progress bars ran.
    assert f"verbind {verbind.__version__}" in text
    assert "timeline by month" in text and "100%" in text
    # Every figure was drawn and shown.
    for name in ("participation", "ties", "exposure-friending", "for-whom"):
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000
    images = [o for o in outputs if o.output_type == "display_data" and "image/png" in o.data]
    assert len(images) == 4
