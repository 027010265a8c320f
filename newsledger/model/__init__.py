"""The language model: loading the spaCy pipeline and newsledger's own spaCy component."""
