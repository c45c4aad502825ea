"""`esl-toolbox check-links`: dead web addresses in the records, reported on their lines.

Every request goes to a server on 127.0.0.1 that the tests start; `only_localhost` makes any
other connection fail, so these tests never reach the internet.
"""

import json
from pathlib import Path

import pytest
from esl_toolbox.commands import main
from esl_toolbox.contributing.links import USER_AGENT, check_links, check_url, collect_links

REPO = Path(__file__).resolve().parents[2]


def write_records(root: Path, server) -> None:
    """A practice and a project whose web addresses point at the local server."""
    (root / "practices" / "projects").mkdir(parents=True)
    (root / "practices" / "links-demo.yml").write_text(
        "id: links-demo\n"
        "title: Links demo\n"
        "sources:\n"
        "  - title: A page that is there\n"
        f"    url: {server.url('/ok')}\n"
        "  - title: A page that is gone\n"
        f"    url: {server.url('/missing')}\n"
        "resources:\n"
        "  - title: A server in trouble\n"
        f"    url: {server.url('/broken')}\n"
        "    type: report\n"
        "organisations:\n"
        "  - name: An organisation that moved\n"
        "    role: partner\n"
        f"    url: {server.url('/moved')}\n",
        "utf-8",
    )
    (root / "practices" / "projects" / "demo.yml").write_text(
        f"id: demo\ntitle: Demo project\nurl: {server.url('/missing')}\nsources:\n  - title: Again\n"
        f"    url: {server.url('/ok')}\n",
        "utf-8",
    )


def test_collect_links_gives_file_line_column_and_field_of_every_address(tmp_path, local_server, monkeypatch):
    write_records(tmp_path, local_server)
    monkeypatch.chdir(tmp_path)
    links = {(link.path, link.field): link for link in collect_links([Path("practices")])}
    assert set(links) == {
        ("practices/links-demo.yml", "sources[0].url"),
        ("practices/links-demo.yml", "sources[1].url"),
        ("practices/links-demo.yml", "resources[0].url"),
        ("practices/links-demo.yml", "organisations[0].url"),
        ("practices/projects/demo.yml", "url"),
        ("practices/projects/demo.yml", "sources[0].url"),
    }
    gone = links[("practices/links-demo.yml", "sources[1].url")]
    assert (gone.line, gone.column) == (7, 10) and gone.url == local_server.url("/missing")


def test_collect_links_finds_every_address_of_the_real_records_where_the_file_has_it():
    links = collect_links([REPO / "practices"])
    assert len(links) >= 10
    for link in links:
        line = (
            (REPO / link.path if not Path(link.path).is_absolute() else Path(link.path))
            .read_text()
            .splitlines()[link.line - 1]
        )
        assert line[link.column - 1 :].lstrip("\"'").startswith(link.url), link  # quoted or not


def test_a_page_that_answers_200_is_alive(local_server):
    answer = check_url(local_server.url("/ok"), timeout=5)
    assert answer.status == 200 and not answer.dead


@pytest.mark.parametrize(("path", "status"), [("/missing", 404), ("/broken", 500)])
def test_error_statuses_are_dead_and_said_as_answered(local_server, path, status):
    answer = check_url(local_server.url(path), timeout=5)
    assert answer.dead and answer.status == status
    assert answer.describe() == f"answered {status}"


def test_a_redirect_is_followed_to_its_target_keeping_head(local_server):
    answer = check_url(local_server.url("/moved"), timeout=5)
    assert answer.status == 200 and not answer.dead
    assert [(method, path) for method, path, _ in local_server.requests] == [("HEAD", "/moved"), ("HEAD", "/ok")]


def test_a_redirect_loop_is_dead_without_hanging(local_server):
    answer = check_url(local_server.url("/loop"), timeout=5)
    assert answer.dead and "redirects in a loop" in answer.describe()
    assert len(local_server.requests) <= 12


def test_a_slow_server_is_dead_after_the_timeout_without_waiting_for_its_answer(local_server):
    answer = check_url(local_server.url("/slow"), timeout=0.3)
    assert answer.dead and answer.describe() == "did not answer within 0.3 s"
    assert not local_server.slow_answered.is_set()  # the check gave up before the server (3 s) answered


def test_get_is_tried_when_a_server_refuses_head(local_server):
    answer = check_url(local_server.url("/no-head"), timeout=5)
    assert answer.status == 200 and not answer.dead
    assert [method for method, _, _ in local_server.requests] == ["HEAD", "GET"]


def test_too_many_requests_means_ask_later_not_dead(local_server):
    assert not check_url(local_server.url("/rate-limited"), timeout=5).dead


def test_a_closed_port_cannot_be_reached(local_server, closed_port):
    answer = check_url(f"http://127.0.0.1:{closed_port}/", timeout=5)
    assert answer.dead and answer.describe().startswith("could not be reached")


def test_addresses_with_accents_are_percent_encoded(local_server):
    assert check_url(local_server.url("/café"), timeout=5).status == 200


def test_every_request_names_the_toolbox_as_user_agent(local_server):
    check_url(local_server.url("/ok"), timeout=5)
    assert {agent for _, _, agent in local_server.requests} == {USER_AGENT}


def test_each_distinct_address_is_asked_once(tmp_path, local_server, monkeypatch):
    write_records(tmp_path, local_server)
    monkeypatch.chdir(tmp_path)
    links = collect_links([Path("practices")])
    answers = check_links(links, timeout=5)
    assert len(answers) == 4 and len(links) == 6
    assert sorted(path for method, path, _ in local_server.requests if method == "HEAD").count("/ok") == 2  # /moved too


def test_the_network_guard_keeps_tests_off_the_internet(only_localhost):
    answer = check_url("http://example.com/", timeout=1)
    assert answer.dead and "tests may only connect to 127.0.0.1" in answer.describe()


def test_check_links_command_prints_a_warning_line_per_dead_link_and_exits_1(
    tmp_path, local_server, monkeypatch, capsys
):
    write_records(tmp_path, local_server)
    monkeypatch.chdir(tmp_path)
    assert main(["check-links", "--timeout", "5"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"practices/links-demo.yml:7:10: warning: sources[1].url: {local_server.url('/missing')} answered 404",
        f"practices/links-demo.yml:10:10: warning: resources[0].url: {local_server.url('/broken')} answered 500",
        f"practices/projects/demo.yml:3:6: warning: url: {local_server.url('/missing')} answered 404",
        "4 web addresses checked: 2 dead",
    ]


def test_check_links_github_format_gives_annotations(tmp_path, local_server, monkeypatch, capsys):
    write_records(tmp_path, local_server)
    monkeypatch.chdir(tmp_path)
    main(["check-links", "--timeout", "5", "--format", "github"])
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::warning file=practices/links-demo.yml,line=7,col=10,title=dead link%3A sources[1].url::")
    assert first.endswith("answered 404")


def test_check_links_json_format_lists_links_and_dead_ones(tmp_path, local_server, monkeypatch, capsys):
    write_records(tmp_path, local_server)
    monkeypatch.chdir(tmp_path)
    main(["check-links", "--timeout", "5", "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert result["checked"] == 4 and len(result["links"]) == 6
    assert {d["field"] for d in result["problems"]} == {"sources[1].url", "resources[0].url", "url"}
    assert result["summary"] == "4 web addresses checked: 2 dead"  # two addresses, named in three places


def test_check_links_exits_0_when_every_address_answers(tmp_path, local_server, monkeypatch, capsys):
    (tmp_path / "practices").mkdir()
    (tmp_path / "practices" / "fine.yml").write_text(f"id: fine\nsources:\n  - url: {local_server.url('/ok')}\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check-links"]) == 0
    assert capsys.readouterr().out == "1 web address checked: 0 dead\n"


def test_check_links_refuses_a_missing_path_and_a_silly_timeout(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check-links", "nowhere"]) == 2
    with pytest.raises(SystemExit):
        main(["check-links", "--timeout", "0"])
