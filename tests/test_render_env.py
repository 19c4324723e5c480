"""Template environment: sandbox, rooted loader, autoescape rules, overrides and errors."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "data" / "render"))
from render_sample import sample_briefing  # noqa: E402

from briefings.errors import TemplateError  # noqa: E402
from briefings.render.env import autoescape_for, make_env, render_template  # noqa: E402
from briefings.render.html import render_html  # noqa: E402
from briefings.render.markdown import render_markdown  # noqa: E402


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name,expected", [
    ("briefing.html.j2", True), ("briefing.HTML", True), ("x.htm", True), ("feed.xml.j2", True),
    ("x.html.jinja2", True), ("briefing.md.j2", False), ("notes.txt.j2", False),
    ("briefing.css", False), (None, True),
])
def test_autoescape_by_name(name, expected):
    assert autoescape_for(name) is expected


def test_undefined_variable_names_template_and_line(tmp_path):
    write(tmp_path, "briefing.md.j2", "# {{ briefing.title }}\n\n{{ sectoin.title }}\n")
    with pytest.raises(TemplateError) as err:
        render_markdown(sample_briefing(), make_env([tmp_path]))
    e = err.value
    assert e.line == 3
    assert "briefing.md.j2" in str(e) and "sectoin" in str(e)
    assert str(e).startswith(f"{tmp_path / 'briefing.md.j2'}:3: ")


def test_syntax_error_names_template_and_line(tmp_path):
    write(tmp_path, "briefing.html.j2", "<p>\n{% if briefing.title %}\n<b>\n")
    with pytest.raises(TemplateError) as err:
        render_html(sample_briefing(), make_env([tmp_path]))
    assert "briefing.html.j2" in str(err.value) and err.value.line is not None


def test_missing_template_is_template_error():
    env = make_env([])
    with pytest.raises(TemplateError, match="not found"):
        render_template(env, "nope.md.j2", {})


@pytest.mark.parametrize("payload", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ joiner.__init__.__globals__.os }}",
    "{{ ''|attr('__class__') }}",
    "{{ 'a{0.__class__}'.format(1) }}",
    "{{ ('{0.__class__.__mro__}'|attr('format'))(1) }}",
    "{{ self.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'].popen('touch /tmp/pwned-render').read() }}",
    "{{ 'a' * 100000000 }}",
    "{{ [1] * 100000000 }}",
    "{{ 9 ** 9999999 }}",
    "{% set l = [] %}{{ l.append(1) }}",
    "{% set d = {} %}{{ d.update(a=1) }}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{{ range(10**8)|length }}",
    "{{ lipsum(n=100000) }}",
])
def test_sandbox_escape_is_rejected(tmp_path, payload):
    write(tmp_path, "briefing.html.j2", payload)
    with pytest.raises(TemplateError, match="template rejected|template exceeded limits") as err:
        render_html(sample_briefing(), make_env([tmp_path]))
    assert err.value.path and "briefing.html.j2" in err.value.path
    assert not os.path.exists("/tmp/pwned-render")  # noqa: S108


@pytest.mark.parametrize("target", ["../x.md.j2", "../../etc/passwd", "/etc/passwd",
                                    "a/../../x.md.j2", "default/../x.md.j2", "..\\x.md.j2"])
def test_include_outside_root_is_rejected(tmp_path, target):
    root = tmp_path / "templates"
    write(tmp_path, "x.md.j2", "SECRET-CANARY\n")
    write(root, "briefing.md.j2", '{% include "' + target.replace("\\", "\\\\") + '" %}\n')
    with pytest.raises(TemplateError) as err:
        render_markdown(sample_briefing(), make_env([root]))
    assert "SECRET-CANARY" not in str(err.value)
    assert "rejected" in str(err.value) or "not found" in str(err.value)


def test_symlinked_template_escaping_root_is_rejected(tmp_path):
    root = tmp_path / "templates"
    secret = write(tmp_path, "secret.md.j2", "SECRET-CANARY\n")
    write(root, "placeholder.txt", "")
    os.symlink(secret, root / "briefing.md.j2")
    with pytest.raises(TemplateError, match="template rejected") as err:
        render_markdown(sample_briefing(), make_env([root]))
    assert "SECRET-CANARY" not in str(err.value)


def test_symlinked_folder_escaping_root_is_rejected(tmp_path):
    root = tmp_path / "templates"
    outside = tmp_path / "outside"
    write(outside, "x.md.j2", "SECRET-CANARY\n")
    write(root, "briefing.md.j2", '{% include "sub/x.md.j2" %}\n')
    os.symlink(outside, root / "sub")
    with pytest.raises(TemplateError, match="template rejected"):
        render_markdown(sample_briefing(), make_env([root]))


def test_symlink_inside_root_is_allowed(tmp_path):
    root = tmp_path / "templates"
    write(root, "real.md.j2", "# {{ briefing.title }}\n")
    os.symlink(root / "real.md.j2", root / "briefing.md.j2")
    assert render_markdown(sample_briefing(), make_env([root])).startswith("# China")


def test_override_one_html_block(tmp_path):
    write(tmp_path, "briefing.html.j2",
          '{% extends "default/briefing.html.j2" %}\n'
          '{% block bluf %}<p class="my-bluf">{{ section.entries|length }} key points: '
          '{{ section.entries[0].text }}</p>{% endblock %}\n')
    html = render_html(sample_briefing(), make_env([tmp_path]))
    assert '<p class="my-bluf">2 key points: According to' in html
    assert 'class="bluf-box"' not in html
    assert "<h2>Key developments</h2>" in html and 'id="src-1"' in html


def test_override_one_markdown_block_and_partial(tmp_path):
    write(tmp_path, "briefing.md.j2",
          '{% extends "default/briefing.md.j2" %}\n'
          '{% block title_block %}# {{ briefing.title }} (desk copy)\n\n{% endblock %}\n')
    write(tmp_path, "_sources.md.j2", "{% for s in sources %}- {{ s.outlet }}\n{% endfor %}")
    md = render_markdown(sample_briefing(), make_env([tmp_path]))
    assert "# China–Russia Naval Cooperation (desk copy)\n" in md
    assert "- Navy Recognition\n- Indonesia Observer\n" in md
    assert "## Key developments" in md


def test_user_css_overrides_packaged(tmp_path):
    write(tmp_path, "briefing.css", "body { color: #123456; } </style><script>x()</script>")
    html = render_html(sample_briefing(), make_env([tmp_path]))
    assert "#123456" in html and "</style><script>" not in html


def test_template_file_name_is_never_evaluated(tmp_path):
    write(tmp_path, "{x}{{7*7}}.md.j2", "partial\n")
    write(tmp_path, "briefing.md.j2", '{% include "{x}{{7*7}}.md.j2" %}{{ nosuchvar }}\n')
    with pytest.raises(TemplateError) as err:
        render_markdown(sample_briefing(), make_env([tmp_path]))
    assert "49" not in str(err.value)


def test_html_template_autoescapes_and_md_template_does_not(tmp_path):
    write(tmp_path, "briefing.html.j2", "{{ briefing.title }}|{{ '<b>' }}\n")
    write(tmp_path, "briefing.md.j2", "{{ '<b>*x*</b>' }}|{{ '<i>'|safe }}\n")
    env = make_env([tmp_path])
    b = sample_briefing(title="<T>")
    assert "&lt;T&gt;|&lt;b&gt;" in render_html(b, env)
    assert render_markdown(b, env) == "\\<b\\>\\*x\\*\\</b\\>|<i>\n"


def test_override_html_title_block_keeps_the_rest(tmp_path):
    # the example of docs/templates.md
    write(tmp_path, "briefing.html.j2",
          '{% extends "default/briefing.html.j2" %}\n{% block title_block %}\n{{ super() }}\n'
          '<p class="kicker">Desk copy · not for onward release</p>\n{% endblock %}\n')
    html = render_html(sample_briefing(), make_env([tmp_path]))
    assert "<h1>China–Russia Naval Cooperation</h1>" in html
    assert html.index("<h1>") < html.index("Desk copy · not for onward release") < html.index(
        "</header>")
    assert 'class="marking-banner"' in html and '<nav class="toc"' in html
    assert 'class="timeline-chart"' in html and 'id="src-2"' in html


def test_override_the_toc_partial_alone(tmp_path):
    write(tmp_path, "_toc.html.j2", "<p class=\"my-toc\">{{ contents|length }} parts</p>\n")
    html = render_html(sample_briefing(), make_env([tmp_path]))
    assert '<p class="my-toc">6 parts</p>' in html and '<nav class="toc"' not in html


@pytest.mark.parametrize("expr", ["d|xmlattr", "{k: 1}|xmlattr", "dict(a=1)|xmlattr",
                                  "{'a': 1, k: 2}|xmlattr"])
def test_xmlattr_on_data_is_refused_at_load(expr: str) -> None:
    import jinja2

    from briefings.render.env import BriefingSandbox

    with pytest.raises(jinja2.TemplateSyntaxError, match="xmlattr is allowed only"):
        BriefingSandbox().from_string("<p>\n<p {{ " + expr + " }}>")


def test_xmlattr_on_a_literal_with_quoted_keys_still_works() -> None:
    from briefings.render.env import BriefingSandbox

    out = BriefingSandbox().from_string("<p {{ {'class': v, 'id': 'x'}|xmlattr }}>").render(v="a\"b")
    assert out == '<p  class="a&#34;b" id="x">'
