"""The publishing path (README, "Publishing"): the GitHub Pages workflow builds the site and
its PDF with the README's commands and publishes site/; the built site carries what a host
needs to make its pages cross-origin isolated, with headers or without.

The workflow itself only runs on GitHub; what can be checked here is that it is valid, that
it runs what the README says, with the Pythons the noxfile asks for, and what it publishes.
tests/browser/test_publishing.py serves the built site as GitHub Pages does.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
README = ROOT / "README.md"
NOXFILE = ROOT / "noxfile.py"
CONSOLE = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)


def readme_section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"the README has no section {title!r}"
    return match[1]


def commands(block: str) -> list[str]:
    """The command lines of a console block or a `run:` script (comments dropped)."""
    return [line.strip() for line in block.splitlines() if line.strip() and line[0] != "#"]


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "the workflow is not a YAML mapping"
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def run_lines(workflow: dict, job: str) -> list[str]:
    return [line for step in steps(workflow, job) for line in commands(step.get("run", ""))]


def noxfile_constant(name: str) -> str:
    """A string constant assigned at the top of noxfile.py."""
    for node in ast.parse(NOXFILE.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"noxfile.py assigns no {name}")


def test_the_workflow_builds_with_the_readmes_commands(workflow) -> None:
    blocks = CONSOLE.findall(readme_section("Publishing"))
    assert blocks, "the Publishing section shows no commands"
    build = commands(blocks[0])
    assert build == [
        "python3 -m pip install -r requirements/bootstrap.txt",
        "nox -s build -- --pdf",
    ]
    ran = run_lines(workflow, "build")
    positions = [ran.index(command) for command in build if command in ran]
    assert len(positions) == len(build), f"the workflow does not run {build}: it runs {ran}"
    assert positions == sorted(positions), "the workflow runs the README's commands out of order"
    extra = [line for line in ran if line.split()[0] == "nox" and line not in build]
    assert not extra, f"nox commands the README does not give: {extra}"


def test_the_readmes_build_command_names_a_session_that_makes_the_pdf() -> None:
    tree = ast.parse(NOXFILE.read_text(encoding="utf-8"))
    [build] = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "build"]
    assert any("nox.session" in ast.unparse(d) for d in build.decorator_list)
    source = ast.unparse(build)
    assert "'--pdf' in session.posargs" in source and "pdf=" in source, source


def test_the_workflow_has_the_pythons_the_build_sessions_ask_for(workflow) -> None:
    """Debian 12's python3 is 3.11 (the docs sessions); the runtime session's CPython is
    installed by the workflow. A change of either in the noxfile must reach the workflow."""
    container = workflow["jobs"]["build"]["container"]
    image = container["image"] if isinstance(container, dict) else container
    assert image == "debian:bookworm"
    assert noxfile_constant("DOCS_PYTHON") == "3.11", "Debian 12's python3 is 3.11"
    installed = re.findall(
        r"^uv python install (\S+)$", "\n".join(run_lines(workflow, "build")), re.M
    )
    assert installed == [noxfile_constant("RUNTIME_PYTHON")], installed


def test_the_workflow_publishes_the_built_site_on_pages(workflow) -> None:
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    [upload] = [s for s in steps(workflow, "build") if "upload-pages-artifact" in s.get("uses", "")]
    assert upload["with"]["path"] == "site", "the build writes site/ (with the PDF)"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_actions_are_pinned_to_a_major_version(workflow) -> None:
    used = [s["uses"] for job in workflow["jobs"] for s in steps(workflow, job) if "uses" in s]
    assert used, "the workflow uses no actions"
    loose = [u for u in used if not re.fullmatch(r"actions/[\w-]+@v\d+", u)]
    assert not loose, f"not pinned to a major version of GitHub's own actions: {loose}"


def test_the_built_site_isolates_its_pages_with_or_without_headers(site_dir: Path) -> None:
    """Hosts that read _headers get COOP/COEP from it; the others get the service worker,
    which every page with a runnable example loads after its settings."""
    rules = (site_dir / "_headers").read_text(encoding="utf-8")
    assert re.search(
        r"^/\*\n(?:[ \t]+.*\n)*?[ \t]+Cross-Origin-Opener-Policy: same-origin$", rules, re.M
    )
    assert re.search(
        r"^/\*\n(?:[ \t]+.*\n)*?[ \t]+Cross-Origin-Embedder-Policy: require-corp$", rules, re.M
    )
    assert (site_dir / "coi-serviceworker.js").is_file()
    pages = [p for p in site_dir.rglob("*.html") if 'data-run="browser"' in p.read_text("utf-8")]
    assert site_dir / "index.html" in pages, "the home page has no runnable example"
    for page in pages:
        scripts = re.findall(r'<script src="([^"]+)"', page.read_text(encoding="utf-8"))
        names = [Path(src.split("?")[0]).name for src in scripts]
        assert "isolation.js" in names and "coi-serviceworker.js" in names, page
        assert names.index("isolation.js") < names.index("coi-serviceworker.js"), page
