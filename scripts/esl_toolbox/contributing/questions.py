"""The questions of the "Propose a practice" issue form, declared once.

`issue_form.py` renders them into `.github/ISSUE_TEMPLATE/practice.yml`; `from_issue.py` reads the
answers back from the issue body GitHub renders, where each question's label is a `### ` heading.
Choices come from the vocabularies, so the form never lists a term the model would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..vocabularies import Vocabulary, vocabulary

INPUT, TEXTAREA, CHECKBOXES, DROPDOWN = "input", "textarea", "checkboxes", "dropdown"


@dataclass(frozen=True)
class Question:
    """One element of the issue form and the record field its answer fills."""

    id: str
    label: str
    kind: str
    description: str
    target: str | None = None  # record field (dotted for nested ones); None: not copied into the record
    vocabulary_key: str | None = None
    required: bool = False
    placeholder: str = ""
    confirmations: tuple[str, ...] = ()  # option labels of a checkboxes question without a vocabulary

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
        "title",
        "Name of the practice",
        INPUT,
        "The name the practice is known by.",
        target="title",
        required=True,
        placeholder="Community Co-Op: parent-based homework support (Oslo)",
    ),
    Question(
        "summary",
        "Short summary",
        TEXTAREA,
        "One to three plain sentences: what the practice does, and for whom.",
        target="summary",
        required=True,
    ),
    Question(
        "description",
        "Description",
        TEXTAREA,
        "What the practice is, who runs it and how it works, in your own words and from your sources. "
        "You may use Markdown: **bold**, lists, links.",
        target="description",
        required=True,
    ),
    Question(
        "intervention_types",
        "Intervention type",
        CHECKBOXES,
        "Where does the practice act in the course of early school leaving? Tick one or more.",
        target="intervention_types",
        vocabulary_key="intervention_types",
    ),
    Question(
        "isced_levels",
        "Levels of education",
        CHECKBOXES,
        "The levels of education (ISCED 2011) the practice works at. "
        "Tick those the sources name; none if they do not say.",
        target="isced_levels",
        vocabulary_key="isced_levels",
    ),
    Question(
        "target_groups",
        "Learners the practice reaches",
        CHECKBOXES,
        "Tick those the sources name; none if they do not say.",
        target="target_groups",
        vocabulary_key="target_groups",
    ),
    Question(
        "countries",
        "Countries where it runs",
        INPUT,
        "Country names or two-letter codes, separated by commas. Leave empty if the sources do not say.",
        target="countries",
        placeholder="Norway, Netherlands",
    ),
    Question(
        "reach",
        "Reach",
        CHECKBOXES,
        "Whom the practice selects. Tick any that apply.",
        target="reach",
        vocabulary_key="reach",
    ),
    Question(
        "intervention_levels",
        "Levels at which it acts",
        CHECKBOXES,
        "Tick any that apply.",
        target="intervention_levels",
        vocabulary_key="intervention_levels",
    ),
    Question(
        "audiences",
        "Who would use it",
        CHECKBOXES,
        "The professionals who would use or carry out the practice.",
        target="audiences",
        vocabulary_key="audiences",
    ),
    Question(
        "themes",
        "Themes",
        CHECKBOXES,
        "What the practice is about; themes are the tags on the website.",
        target="themes",
        vocabulary_key="themes",
    ),
    Question(
        "project",
        "Project",
        INPUT,
        "If the practice comes from a project the toolbox already lists (see practices/projects/), its short "
        "name, such as pact. Otherwise leave empty.",
        target="project",
    ),
    Question(
        "organisations",
        "Organisations",
        TEXTAREA,
        "One organisation per line: name | role | country | web address. "
        f"Roles: {ROLES}. Name organisations only, never private persons.",
        target="organisations",
        placeholder="Name of the organisation | Coordinator | Norway | https://...",
    ),
    Question(
        "period_start",
        "Start",
        INPUT,
        "When the practice started: a year (2019) or a year and month (2019-09).",
        target="period.start",
        placeholder="2019",
    ),
    Question(
        "period_end",
        "End",
        INPUT,
        "When it ended. Leave empty if it still runs or the sources do not say.",
        target="period.end",
        placeholder="2022",
    ),
    Question(
        "ongoing",
        "Is it still running?",
        CHECKBOXES,
        "Tick only if a source says so.",
        target="period.ongoing",
        confirmations=(STILL_RUNS,),
    ),
    Question(
        "funding_programme",
        "Funding programme",
        INPUT,
        "The programme that paid for it, if the sources say.",
        target="funding.programme",
        placeholder="Erasmus+ KA2 strategic partnership",
    ),
    Question(
        "funding_amount",
        "Funding amount",
        INPUT,
        "The amount granted, with its currency.",
        target="funding.amount",
        placeholder="120000 EUR",
    ),
    Question(
        "activities",
        "Activities",
        TEXTAREA,
        "What is done, one activity per line.",
        target="activities",
    ),
    Question(
        "outcomes",
        "Outcomes",
        TEXTAREA,
        "Outputs and results the sources report, one per line.",
        target="outcomes",
    ),
    Question(
        "evidence_level",
        "Evidence level",
        DROPDOWN,
        'How strong the evidence is that the practice achieves its aims. Choose "Not yet evaluated" if no '
        "evaluation has been published.",
        target="evidence.level",
        vocabulary_key="evidence_levels",
        required=True,
    ),
    Question(
        "evidence_basis",
        "What the evidence level rests on",
        TEXTAREA,
        "The evaluations, studies or data behind the level you chose.",
        target="evidence.basis",
    ),
    Question(
        "transfer_conditions",
        "What others need to adopt it",
        TEXTAREA,
        "Conditions another school or region needs, one per line.",
        target="transfer_conditions",
    ),
    Question(
        "resources",
        "Materials others can use",
        TEXTAREA,
        f"One per line: title | web address | type | languages. Types: {RESOURCE_TYPES}.",
        target="resources",
        placeholder="Title of the material | https://... | Guide or handbook | English, Norwegian",
    ),
    Question(
        "languages",
        "Languages of its materials",
        INPUT,
        "Language names or two-letter codes, separated by commas.",
        target="languages",
        placeholder="English, Norwegian",
    ),
    Question(
        "sources",
        "Sources",
        TEXTAREA,
        "Where every statement above comes from: one source per line, as title | web address or DOI | "
        "publisher | year. Reports, articles, official project pages and evaluations count; your own memory "
        "does not.",
        target="sources",
        required=True,
        placeholder="Title of the report or web page | https://... | Publisher | 2020",
    ),
    Question(
        "confirmations",
        "Before you send",
        CHECKBOXES,
        "Please confirm both.",
        required=True,
        confirmations=(SOURCES_SUPPORT, NO_PRIVATE_DATA),
    ),
)


def question_by_label() -> dict[str, Question]:
    return {q.label: q for q in QUESTIONS}
