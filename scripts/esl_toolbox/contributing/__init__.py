"""What contributors and pull-request checks use: the issue form's questions and its conversion
into a record, the generated contributor docs, link checks and the list of changed records.

The commands live in `esl_toolbox.commands.contributing`.
"""
