"""Finnish language data: cue words, vocabularies and headers, one list per concept."""
