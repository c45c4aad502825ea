"""The website: the generated source tree, MkDocs run on it, the preview server, the toolbox page's data.

The commands (`esl-toolbox build`, `serve`) live in `esl_toolbox.commands.site`.
"""
