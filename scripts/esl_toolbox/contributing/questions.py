"""The questions of the "Propose a practice" issue form, declared once.

`contributor_docs.py` renders them into `.github/ISSUE_TEMPLATE/practice.yml`; `from_issue.py` reads
the answers back from the issue body GitHub renders, where each question's label is a `### `
heading. A question that fills a record field takes its label and its vocabulary from the model's
field metadata, so the form asks with the words the site shows and never offers a term the model
would refuse; what a question adds is its help for someone filling in a form.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import FieldMeta, Practice, field_meta
from ..vocabularies import VOCABULARY_FILES, Vocabulary, vocabulary

INPUT, TEXTAREA, CHECKBOXES, DROPDOWN = "input", "textarea", "checkboxes", "dropdown"


@dataclass(frozen=True)
class Question:
    """One element of the issue form and the record field its answer fills."""

    kind: str
    description: str
    target: str | None = None  # record field (dotted for nested ones); None: not copied into the record
    required: bool = False
    placeholder: str = ""
    confirmations: tuple[str, ...] = ()  # option labels of a checkboxes question without a vocabulary
    own_label: str = ""  # only for questions that fill no field

    @property
    def id(self) -> str:
        return (self.target or self.own_label.lower()).replace(".", "_").replace(" ", "_")

    @property
    def field(self) -> FieldMeta | None:
        return field_meta(Practice, self.target) if self.target else None

    @property
    def label(self) -> str:
        """The field's label as the site shows it ('Funding: amount' for a nested one), plural for a list."""
        field = self.field
        if field is None:
            return self.own_label
        name = field.plural if field.many else field.label
        parent = field_meta(Practice, field.path.rsplit(".", 1)[0]) if "." in field.path else None
        if parent is None or name.lower().startswith(parent.label.lower()):
            return name
        return f"{parent.label}: {name[0].lower()}{name[1:]}"

    @property
    def vocabulary_key(self) -> str | None:
        field = self.field
        # ISO code lists (countries, languages) are typed in, not ticked among hundreds of boxes.
        return field.vocabulary if field and field.vocabulary in VOCABULARY_FILES and self.kind != INPUT else None

    @property
    def vocabulary(self) -> Vocabulary | None:
        return vocabulary(self.vocabulary_key) if self.vocabulary_key else None

    def options(self) -> list[str]:
        """The labels the form offers: the vocabulary's labels, or the fixed confirmations."""
        vocab = self.vocabulary
        return [term.label for term in vocab.terms.values()] if vocab else list(self.confirmations)

    def help_text(self) -> str:
        """The question's description, then each term as '- **Label**: definition' (Markdown)."""
        vocab = self.vocabulary
        if vocab is None:
            return self.description
        terms = "\n".join(f"- **{t.label}**: {t.definition}" for t in vocab.terms.values())
        return f"{self.description}\n\n{terms}"


ROLES = ", ".join(t.label for t in vocabulary("organisation_roles").terms.values())
RESOURCE_TYPES = ", ".join(t.label for t in vocabulary("resource_types").terms.values())

STILL_RUNS = "Yes, the practice still runs"
SOURCES_SUPPORT = "The sources I give support every statement in this form."
NO_PRIVATE_DATA = "I name organisations only, and give no private person's name, e-mail address or phone number."

QUESTIONS: tuple[Question, ...] = (
    Question(
        INPUT,
        "The name the practice is known by.",
        target="title",
        required=True,
        placeholder="Community Co-Op: parent-based homework support (Oslo)",
    ),
    Question(
        INPUT,
        "The name in the practice's own language, if that is not English. Leave empty otherwise.",
        target="original_title",
        placeholder="Programa Escolhas",
    ),
    Question(
        INPUT,
        "The language of that name: its English name or two-letter code.",
        target="original_language",
        placeholder="Portuguese",
    ),
    Question(
        INPUT,
        "The practice's own web site, if it has one.",
        target="url",
        placeholder="https://",
    ),
    Question(
        TEXTAREA,
        "One to three plain sentences: what the practice does, and for whom.",
        target="summary",
        required=True,
    ),
    Question(
        TEXTAREA,
        "What the practice is, who runs it and how it works, in your own words and from your sources. "
        "You may use Markdown: **bold**, lists, links.",
        target="description",
        required=True,
    ),
    Question(
        CHECKBOXES,
        "Where does the practice act in the course of early school leaving? Tick one or more.",
        target="intervention_types",
    ),
    Question(
        CHECKBOXES,
        "The levels of education (ISCED 2011) the practice works at. "
        "Tick those the sources name; none if they do not say.",
        target="isced_levels",
    ),
    Question(
        CHECKBOXES,
        "Tick those the sources name; none if they do not say.",
        target="target_groups",
    ),
    Question(
        INPUT,
        "Country names or two-letter codes, separated by commas. Leave empty if the sources do not say.",
        target="countries",
        placeholder="Norway, Netherlands",
    ),
    Question(
        CHECKBOXES,
        "Whom the practice selects. Tick any that apply.",
        target="reach",
    ),
    Question(
        CHECKBOXES,
        "Tick any that apply.",
        target="intervention_levels",
    ),
    Question(
        CHECKBOXES,
        "The professionals who would use or carry out the practice.",
        target="audiences",
    ),
    Question(
        CHECKBOXES,
        "What the practice is about; themes are the tags on the website.",
        target="themes",
    ),
    Question(
        INPUT,
        "If the practice comes from a project the toolbox already lists (see practices/projects/), its short "
        "name, such as pact. Otherwise leave empty.",
        target="project",
    ),
    Question(
        TEXTAREA,
        "One organisation per line: name | role | country | web address. "
        f"Roles: {ROLES}. Name organisations only, never private persons.",
        target="organisations",
        placeholder="Name of the organisation | Coordinator | Norway | https://...",
    ),
    Question(
        INPUT,
        "When the practice started: a year (2019) or a year and month (2019-09).",
        target="period.start",
        placeholder="2019",
    ),
    Question(
        INPUT,
        "When it ended. Leave empty if it still runs or the sources do not say.",
        target="period.end",
        placeholder="2022",
    ),
    Question(
        CHECKBOXES,
        "Tick only if a source says so.",
        target="period.ongoing",
        confirmations=(STILL_RUNS,),
    ),
    Question(
        INPUT,
        "The programme that paid for it, if the sources say.",
        target="funding.programme",
        placeholder="Erasmus+ KA2 strategic partnership",
    ),
    Question(
        INPUT,
        "The amount granted, with its currency.",
        target="funding.amount",
        placeholder="120000 EUR",
    ),
    Question(
        TEXTAREA,
        "What is done, one activity per line.",
        target="activities",
    ),
    Question(
        TEXTAREA,
        "Outputs and results the sources report, one per line.",
        target="outcomes",
    ),
    Question(
        DROPDOWN,
        'How strong the evidence is that the practice achieves its aims. Choose "Not yet evaluated" if no '
        "evaluation has been published.",
        target="evidence.level",
        required=True,
    ),
    Question(
        TEXTAREA,
        "The evaluations, studies or data behind the level you chose.",
        target="evidence.basis",
    ),
    Question(
        TEXTAREA,
        "Conditions another school or region needs, one per line.",
        target="transfer_conditions",
    ),
    Question(
        TEXTAREA,
        "How a school or municipality starts, as the sources describe it: one step per line.",
        target="implementation.getting_started",
    ),
    Question(
        TEXTAREA,
        "Who is needed to run it, and how much of their time, if the sources say.",
        target="implementation.staffing",
    ),
    Question(
        INPUT,
        "How long a learner takes part, if the sources say.",
        target="implementation.duration",
        placeholder="One school year",
    ),
    Question(
        TEXTAREA,
        "Any evaluation of the practice: how it was done (a trial, a comparison group, before and after, "
        "monitoring figures, interviews), what it found, including no effect, and the study's title and web "
        "address. A maintainer adds it to the record.",
        own_label="Evaluations",
    ),
    Question(
        TEXTAREA,
        f"One per line: title | web address | type | languages. Types: {RESOURCE_TYPES}.",
        target="resources",
        placeholder="Title of the material | https://... | Guide or handbook | English, Norwegian",
    ),
    Question(
        INPUT,
        "Language names or two-letter codes, separated by commas.",
        target="languages",
        placeholder="English, Norwegian",
    ),
    Question(
        TEXTAREA,
        "Where every statement above comes from: one source per line, as title | web address or DOI | "
        "publisher | year. Reports, articles, official project pages and evaluations count; your own memory "
        "does not.",
        target="sources",
        required=True,
        placeholder="Title of the report or web page | https://... | Publisher | 2020",
    ),
    Question(
        CHECKBOXES,
        "Please confirm both.",
        required=True,
        confirmations=(SOURCES_SUPPORT, NO_PRIVATE_DATA),
        own_label="Before you send",
    ),
)
