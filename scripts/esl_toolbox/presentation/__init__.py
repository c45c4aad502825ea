"""What every output shows of a practice, made once: project facts merged in (resolve), every value
formatted for a language with Babel (formatting), labels and strings from the gettext catalogues
(i18n), gathered in one view per practice and language (views). Site pages, PDFs and the open
data read these views; none of them formats a value on its own."""
