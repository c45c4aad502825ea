"""The GitHub workflows, the pre-commit hooks and the pull request template.

actionlint and ShellCheck come with the test extras (`make install`); these tests fail, never
skip, when they are missing, so a workflow that GitHub would reject cannot pass unnoticed.
"""

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from esl_toolbox.commands import build_parser

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
SHELL_OPERATORS = {";", "&&", "||", "|", "&", "(", ")", ">", ">>", "<", "2>", "|&", "{", "}"}


def tool(name: str) -> str:
    """The path of a tool from the test extras, next to this Python first."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is missing: run `make install`, which installs the test extras from pyproject.toml"
    return found


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text("utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def commands(script: str) -> list[list[str]]:
    """The simple commands of a shell script, one list of words each."""
    found = []
    for line in script.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=";&|()<>")
        lexer.whitespace_split = True
        lexer.commenters = "#"
        words: list[str] = []
        for token in [*lexer, ";"]:
            if token in SHELL_OPERATORS:
                if words:
                    found.append(words)
                words = []
            else:
                words.append(token)
    return found


def make_targets() -> set[str]:
    text = (REPO / "Makefile").read_text("utf-8")
    return set(re.findall(r"^([A-Za-z0-9_.-]+)\s*:(?!=)", text, re.MULTILINE))


def check_esl_toolbox_arguments(arguments: list[str], where: str) -> None:
    try:
        build_parser().parse_args(arguments)
    except SystemExit as exc:
        pytest.fail(f"{where}: `esl-toolbox {' '.join(arguments)}` is not a valid command line (exit {exc.code})")


# --- the workflows -----------------------------------------------------------------------------------


def test_there_are_the_four_workflows():
    assert [p.name for p in WORKFLOWS] == ["latest.yml", "links.yml", "pages.yml", "pull-request.yml"]


def test_actionlint_with_shellcheck_finds_nothing_in_the_workflows():
    result = subprocess.run(
        [tool("actionlint"), "-shellcheck", tool("shellcheck"), *map(str, WORKFLOWS)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }\n"
    )
    result = subprocess.run([tool("actionlint"), str(broken)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_run_command_names_a_real_make_target_or_esl_toolbox_command(path):
    targets = make_targets()
    for step in steps(load(path)):
        for words in commands(step.get("run", "")):
            program = Path(words[0]).name
            if program == "make":
                unknown = [t for t in words[1:] if not t.startswith("-") and "=" not in t and t not in targets]
                assert unknown == [], f"{path.name}: make target(s) {unknown} are not in the Makefile"
            elif program == "esl-toolbox":
                check_esl_toolbox_arguments(words[1:], path.name)


def test_the_pull_request_workflow_runs_every_check_the_issue_asks_for():
    workflow = load(REPO / ".github" / "workflows" / "pull-request.yml")
    runs = [words for step in steps(workflow) for words in commands(step.get("run", ""))]
    ran = {" ".join([Path(w[0]).name, *w[1:]]) for w in runs}
    for expected in (
        "make install",
        "esl-toolbox validate --format github",
        "esl-toolbox schema --check",
        "esl-toolbox contributor-docs --check",
        "esl-toolbox preview --base origin/$BASE_REF --format github",
        "esl-toolbox build --no-pdf --lang en",
        "esl-toolbox check-site-links site",
        "make test",
        "esl-toolbox changed --base origin/$BASE_REF",
    ):
        assert expected in ran
    assert set(workflow["on"]) == {"pull_request"}, "never pull_request_target: it runs with write access"
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "`changed` needs the base branch's history"


def test_the_pages_workflow_builds_each_language_in_parallel_then_finishes_and_deploys():
    workflow = load(REPO / ".github" / "workflows" / "pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    assert jobs["build"]["strategy"]["matrix"]["lang"] == "${{ fromJSON(needs.languages.outputs.codes) }}"
    build = [w for s in jobs["build"]["steps"] for w in commands(s.get("run", ""))]
    assert [Path(w[0]).name for w in build if "build" in w] == ["esl-toolbox"]
    built = next(w for w in build if "build" in w)
    assert "--part" in built and "--no-pdf" not in built, "each part carries its language's PDFs"
    finish = [" ".join([Path(w[0]).name, *w[1:]]) for s in jobs["finish"]["steps"] for w in commands(s.get("run", ""))]
    assert "esl-toolbox finish --site-dir site" in finish
    assert "esl-toolbox check-site-links site" in finish
    download = next(s for s in jobs["finish"]["steps"] if s.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"]["merge-multiple"] is True
    assert jobs["finish"]["needs"] == "build" and jobs["deploy"]["needs"] == "finish"
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_the_link_workflow_runs_weekly_and_reports_without_failing_on_dead_links():
    workflow = load(REPO / ".github" / "workflows" / "links.yml")
    assert len(workflow["on"]["schedule"]) == 1 and "workflow_dispatch" in workflow["on"]
    assert "pull_request" not in workflow["on"]
    check = next(s for s in steps(workflow) if s.get("id") == "check")
    assert "esl-toolbox check-links" in check["run"] and '"$status" -eq 1' in check["run"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_read_only_by_default_and_write_only_where_needed(path):
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
    allowed = {"pages.yml": {"pages", "id-token"}, "links.yml": {"issues"}, "latest.yml": {"issues"}}
    allowed = allowed.get(path.name, set())
    for job in workflow["jobs"].values():
        writes = {scope for scope, level in job.get("permissions", {}).items() if level == "write"}
        assert writes <= allowed


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_major_version_of_githubs_own_actions(path):
    for step in steps(load(path)):
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


def test_the_shell_command_splitter_sees_redirections_and_pipes():
    assert commands('a --x "y z" >> "$F" | tee out && make b c') == [
        ["a", "--x", "y z"],
        ["$F"],
        ["tee", "out"],
        ["make", "b", "c"],
    ]


# --- pre-commit --------------------------------------------------------------------------------------


def hooks() -> list[dict]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    return config["repos"][0]["hooks"]


def test_pre_commit_hooks_run_the_validator_and_the_schema_check():
    entries = {hook["id"]: hook["entry"] for hook in hooks()}
    assert entries["esl-toolbox-validate"] == ".venv/bin/esl-toolbox validate"
    assert entries["esl-toolbox-schema"] == ".venv/bin/esl-toolbox schema --check"
    for hook in hooks():
        assert hook["language"] in ("system", "python") and hook["name"]
        program, *arguments = shlex.split(hook["entry"])
        assert Path(program).name == "esl-toolbox"
        files = [] if hook.get("pass_filenames") is False else ["practices/jet-cd.yml"]
        check_esl_toolbox_arguments([*arguments, *files], ".pre-commit-config.yaml")


@pytest.mark.parametrize(
    ("hook_id", "matching", "not_matching"),
    [
        ("esl-toolbox-validate", ["practices/jet-cd.yml", "practices/projects/pact.yml"], ["docs/x.yml", "mkdocs.yml"]),
        (
            "esl-toolbox-schema",
            [
                "scripts/esl_toolbox/model/records.py",
                "scripts/esl_toolbox/vocabularies/themes.yml",
                "schema/practice.schema.json",
            ],
            ["practices/jet-cd.yml", "README.md"],
        ),
        (
            "esl-toolbox-contributor-docs",
            ["CONTRIBUTING.md", "scripts/esl_toolbox/contributing/questions.py"],
            ["README.md"],
        ),
    ],
)
def test_pre_commit_hooks_run_for_the_right_files(hook_id, matching, not_matching):
    pattern = re.compile(next(h["files"] for h in hooks() if h["id"] == hook_id))
    assert all(pattern.search(path) for path in matching)
    assert not any(pattern.search(path) for path in not_matching)


def test_pre_commit_hook_commands_pass_on_this_checkout():
    for hook in hooks():
        _, *arguments = shlex.split(hook["entry"])
        files = [] if hook.get("pass_filenames") is False else ["practices/jet-cd.yml"]
        result = subprocess.run(
            [sys.executable, "-m", "esl_toolbox", *arguments, *files],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, f"{hook['id']}: {result.stdout}{result.stderr}"


# --- the pull request template -----------------------------------------------------------------------


def test_the_pull_request_template_carries_the_selection_criteria_sources_and_privacy():
    text = (REPO / ".github" / "pull_request_template.md").read_text("utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.MULTILINE)
    for criterion in (
        "In place for some time",
        "Sustainable",
        "Stakeholders involved",
        "Research or evidence base",
        "Quality assurance",
        "Evaluation results",
    ):
        assert any(criterion in box for box in boxes), criterion
    assert any("Every statement in the record comes from one of its sources" in box for box in boxes)
    assert any("organisations only" in box and "private person" in box for box in boxes)
    assert "at least two years" in text
